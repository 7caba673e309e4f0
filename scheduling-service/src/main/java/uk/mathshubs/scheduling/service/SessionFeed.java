package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.SessionRow;

/**
 * Every session, local and central, for the NCETM's sync. A hub's filter gives the sessions it runs; a Work Group's
 * gives the sessions its schools are expected at: its own and the central ones of its programme and year.
 */
@Singleton
public class SessionFeed extends SyncFeed<SessionRow> {

    public SessionFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, SessionRow.class);
    }

    @Override
    protected String resource() {
        return "sessions";
    }

    @Override
    protected String select() {
        return """
                SELECT s.id::text, s.change_xid::text, s.changed_at, s.id, s.work_group_id, s.programme_code, g.hub_code,
                       s.academic_year, s.title, s.audience, s.delivery_mode, s.term, s.starts_at, s.ends_at, s.location,
                       s.status, s.status_reason, s.sequence, s.reason_code
                FROM session s LEFT JOIN work_group g ON g.id = s.work_group_id
                WHERE s.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(s.changed_at) FROM session s WHERE s.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "s.change_xid, s.id";
    }

    /** Sessions are not a school's: no URN filter (a school's sessions are its people's attendance). */
    @Override
    protected List<String> filterConditions() {
        return Arrays.asList("s.programme_code = ?", "g.hub_code = ?", "s.academic_year = ?", """
                (s.work_group_id = ? OR s.work_group_id IS NULL AND (s.programme_code, s.academic_year) =
                    (SELECT w.programme_code, w.academic_year FROM work_group w WHERE w.id = ?))""",
                null, "s.changed_at >= ?");
    }

    @Override
    protected SessionRow row(ResultSet r) throws SQLException {
        UUID workGroupId = r.getObject(5, UUID.class);
        return new SessionRow(r.getObject(4, UUID.class), workGroupId, workGroupId == null, r.getString(6),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12),
                instant(r.getTimestamp(13)), instant(r.getTimestamp(14)), r.getString(15), r.getString(16),
                r.getString(17), r.getInt(18), instant(r.getTimestamp(3)), r.getString(19));
    }
}
