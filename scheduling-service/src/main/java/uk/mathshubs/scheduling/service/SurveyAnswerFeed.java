package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.SurveyAnswerRow;

/** Every answer to every survey question, free text included and no name, for the NCETM's sync. */
@Singleton
public class SurveyAnswerFeed extends SyncFeed<SurveyAnswerRow> {

    public SurveyAnswerFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, SurveyAnswerRow.class);
    }

    @Override
    protected String resource() {
        return "survey-answers";
    }

    @Override
    protected String select() {
        return """
                SELECT a.response_id::text || ':' || a.question_key, a.change_xid::text, a.updated_at, a.response_id,
                       r.survey_id, s.title, r.work_group_id, s.programme_code, g.hub_code, s.academic_year, r.urn, r.role,
                       a.question_key, a.added_by_hub, a.scale, a.choice, a.text, r.submitted_at
                FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey s ON s.id = r.survey_id
                LEFT JOIN work_group g ON g.id = r.work_group_id
                WHERE a.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(a.updated_at) FROM survey_answer a WHERE a.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "a.change_xid, a.response_id, a.question_key";
    }

    @Override
    protected String keyComparison() {
        return "?::uuid, ?";
    }

    @Override
    protected List<Object> keyParameters(String key) {
        return idAndText(key);
    }

    @Override
    protected List<String> filterConditions() {
        return List.of("s.programme_code = ?", "g.hub_code = ?", "s.academic_year = ?", "r.work_group_id = ?",
                "r.urn = ?", "a.updated_at >= ?");
    }

    @Override
    protected SurveyAnswerRow row(ResultSet r) throws SQLException {
        return new SurveyAnswerRow(r.getObject(4, UUID.class), r.getObject(5, UUID.class), r.getString(6),
                r.getObject(7, UUID.class), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                r.getString(12), r.getString(13), r.getBoolean(14), (Integer) r.getObject(15), r.getString(16),
                r.getString(17), instant(r.getTimestamp(18)), instant(r.getTimestamp(3)));
    }
}
