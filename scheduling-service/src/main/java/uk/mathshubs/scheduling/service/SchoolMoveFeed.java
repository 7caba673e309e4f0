package uk.mathshubs.scheduling.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.scheduling.api.SchoolMoveRow;

/** Schools whose history moved to a successor URN, for the sync: a URN filter finds the moves from or to it. */
@Singleton
public class SchoolMoveFeed extends SyncFeed<SchoolMoveRow> {

    public SchoolMoveFeed(DataSource dataSource, AuditTrail audit) {
        super(dataSource, audit, SchoolMoveRow.class);
    }

    @Override
    protected String resource() {
        return "school-moves";
    }

    @Override
    protected String select() {
        return """
                SELECT m.id::text, m.change_xid::text, m.updated_at, m.urn, m.successor_urn, m.link_type, m.recorded_at
                FROM school_move m
                WHERE m.change_xid < ?::xid8""";
    }

    @Override
    protected String earliestLeftOut() {
        return "SELECT min(m.updated_at) FROM school_move m WHERE m.change_xid >= ?::xid8";
    }

    @Override
    protected String order() {
        return "m.change_xid, m.id";
    }

    /** A move is a school's, not a programme's, hub's or Work Group's: only the URN and the time filter it. */
    @Override
    protected List<String> filterConditions() {
        return Arrays.asList(null, null, null, null, "(m.urn = ? OR m.successor_urn = ?)", "m.updated_at >= ?");
    }

    @Override
    protected SchoolMoveRow row(ResultSet r) throws SQLException {
        return new SchoolMoveRow(r.getString(4), r.getString(5), r.getString(6), instant(r.getTimestamp(7)),
                instant(r.getTimestamp(3)));
    }
}
