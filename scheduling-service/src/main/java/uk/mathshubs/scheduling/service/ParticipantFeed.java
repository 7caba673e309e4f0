package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.ParticipantRow;

/** Every participant, with school, Work Group and programme, for the NCETM's sync. */
@Singleton
public class ParticipantFeed extends SyncFeed<ParticipantRow> {

    public ParticipantFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, ParticipantRow.class);
    }

    @Override
    protected String resource() {
        return "participants";
    }

    @Override
    protected String select() {
        return """
                SELECT p.id::text, p.change_xid::text, p.updated_at, p.application_id, p.work_group_id, p.programme_code,
                       g.hub_code, p.academic_year, p.urn, p.school_name, p.role, p.name, p.email, p.trn, p.withdrawn_at, p.id, p.erased_at
                FROM participant p LEFT JOIN work_group g ON g.id = p.work_group_id
                WHERE p.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(p.updated_at) FROM participant p WHERE p.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "p.change_xid, p.id";
    }

    @Override
    protected List<String> filterConditions() {
        return List.of("p.programme_code = ?", "g.hub_code = ?", "p.academic_year = ?", "p.work_group_id = ?",
                "p.urn = ?", "p.updated_at >= ?");
    }

    @Override
    protected ParticipantRow row(ResultSet r) throws SQLException {
        var erasedAt = instant(r.getTimestamp(17));
        if (erasedAt != null) {
            return ParticipantRow.tombstone(r.getObject(16, UUID.class), erasedAt, instant(r.getTimestamp(3)));
        }
        var withdrawnAt = instant(r.getTimestamp(15));
        return new ParticipantRow(r.getObject(16, UUID.class), r.getObject(4, UUID.class), r.getObject(5, UUID.class),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                r.getString(12), r.getString(13), r.getString(14), withdrawnAt != null, withdrawnAt,
                instant(r.getTimestamp(3)), null);
    }
}
