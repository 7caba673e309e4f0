package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.CompletionRow;

/** Each school's completion of each Work Group's programme, decided when the Work Group completed, for the sync. */
@Singleton
public class CompletionFeed extends SyncFeed<CompletionRow> {

    public CompletionFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, CompletionRow.class);
    }

    @Override
    protected String resource() {
        return "completions";
    }

    @Override
    protected String select() {
        return """
                SELECT c.work_group_id::text || ':' || c.urn, c.change_xid::text, c.updated_at, c.work_group_id,
                       g.programme_code, g.hub_code, g.academic_year, c.urn, c.school_name, c.completed, c.decided_at
                FROM school_completion c LEFT JOIN work_group g ON g.id = c.work_group_id
                WHERE c.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(c.updated_at) FROM school_completion c WHERE c.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "c.change_xid, c.work_group_id, c.urn";
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
        return List.of("g.programme_code = ?", "g.hub_code = ?", "g.academic_year = ?", "c.work_group_id = ?",
                "c.urn = ?", "c.updated_at >= ?");
    }

    @Override
    protected CompletionRow row(ResultSet r) throws SQLException {
        return new CompletionRow(r.getObject(4, UUID.class), r.getString(5), r.getString(6), r.getString(7),
                r.getString(8), r.getString(9), r.getBoolean(10), instant(r.getTimestamp(11)), instant(r.getTimestamp(3)));
    }
}
