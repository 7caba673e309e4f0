package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.AttendanceRow;

/** Every attendance record, with its session and the person's school and Work Group, for the NCETM's sync. */
@Singleton
public class AttendanceFeed extends SyncFeed<AttendanceRow> {

    public AttendanceFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, AttendanceRow.class);
    }

    @Override
    protected String resource() {
        return "attendance";
    }

    @Override
    protected String select() {
        return """
                SELECT a.session_id::text || ':' || a.participant_id::text, a.change_xid::text, a.updated_at,
                       a.session_id, a.participant_id, p.work_group_id, p.programme_code, g.hub_code, p.academic_year,
                       p.urn, s.title, s.work_group_id IS NULL, s.delivery_mode, s.starts_at, a.attendance, a.revision,
                       a.recorded_at
                FROM attendance a
                JOIN participant p ON p.id = a.participant_id
                JOIN session s ON s.id = a.session_id
                LEFT JOIN work_group g ON g.id = p.work_group_id
                WHERE a.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(a.updated_at) FROM attendance a WHERE a.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "a.change_xid, a.session_id, a.participant_id";
    }

    @Override
    protected String keyComparison() {
        return "?::uuid, ?::uuid";
    }

    @Override
    protected List<Object> keyParameters(String key) {
        String[] parts = key.split(":");
        return List.of(parts[0], parts[1]);
    }

    @Override
    protected List<String> filterConditions() {
        return List.of("p.programme_code = ?", "g.hub_code = ?", "p.academic_year = ?", "p.work_group_id = ?",
                "p.urn = ?", "a.updated_at >= ?");
    }

    @Override
    protected AttendanceRow row(ResultSet r) throws SQLException {
        return new AttendanceRow(r.getObject(4, UUID.class), r.getObject(5, UUID.class), r.getObject(6, UUID.class),
                r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getBoolean(12),
                r.getString(13), instant(r.getTimestamp(14)), r.getString(15), r.getInt(16), instant(r.getTimestamp(17)),
                instant(r.getTimestamp(3)));
    }
}
