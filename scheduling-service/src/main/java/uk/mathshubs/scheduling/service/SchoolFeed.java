package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.SchoolRow;

/** Every school's application to every Work Group, with its status and dates, for the NCETM's sync. */
@Singleton
public class SchoolFeed extends SyncFeed<SchoolRow> {

    public SchoolFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, SchoolRow.class);
    }

    @Override
    protected String resource() {
        return "schools";
    }

    @Override
    protected String select() {
        return """
                SELECT a.application_id::text, a.change_xid::text, a.updated_at, a.application_id, a.reference,
                       a.work_group_id, g.programme_code, g.hub_code, g.academic_year, a.urn, a.school_name, a.status,
                       a.submitted_at, a.waitlisted_at, a.waiting_list_position, a.offered_at, a.offer_expires_at,
                       a.offer_ended_at, a.accepted_at, a.rejected_at, a.withdrawn_at, a.reason_code
                FROM school_application a LEFT JOIN work_group g ON g.id = a.work_group_id
                WHERE a.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(a.updated_at) FROM school_application a WHERE a.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "a.change_xid, a.application_id";
    }

    @Override
    protected List<String> filterConditions() {
        return List.of("g.programme_code = ?", "g.hub_code = ?", "g.academic_year = ?", "a.work_group_id = ?",
                "a.urn = ?", "a.updated_at >= ?");
    }

    @Override
    protected SchoolRow row(ResultSet r) throws SQLException {
        return new SchoolRow(r.getObject(4, UUID.class), r.getString(5), r.getObject(6, UUID.class), r.getString(7),
                r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12),
                instant(r.getTimestamp(13)), instant(r.getTimestamp(14)), r.getObject(15, Integer.class),
                instant(r.getTimestamp(16)), instant(r.getTimestamp(17)), instant(r.getTimestamp(18)),
                instant(r.getTimestamp(19)), instant(r.getTimestamp(20)), instant(r.getTimestamp(21)),
                instant(r.getTimestamp(3)), r.getString(22));
    }
}
