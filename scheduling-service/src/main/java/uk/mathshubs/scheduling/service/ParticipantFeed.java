package uk.mathshubs.scheduling.service;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.kit.security.Caller;
import uk.mathshubs.scheduling.api.Page;
import uk.mathshubs.scheduling.api.ParticipantRow;

/**
 * The participants read model for the NCETM's sync. Rows come in the order their last change committed (change_xid,
 * then id), and only up to the oldest transaction still running: a row that commits later has a later position, so a
 * cursor never skips it. Every pull is written to the access log.
 */
@ApplicationScoped
public class ParticipantFeed {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d+):([0-9a-f-]{36})");
    private static final String COLUMNS = """
            SELECT p.id, p.change_xid::text, p.updated_at, p.application_id, p.work_group_id, p.programme_code,
                   g.hub_code, p.academic_year, p.urn, p.school_name, p.role, p.name, p.email, p.trn, p.withdrawn_at
            FROM participant p LEFT JOIN work_group g ON g.id = p.work_group_id
            WHERE p.change_xid < pg_snapshot_xmin(pg_current_snapshot())""";

    private final DataSource dataSource;
    private final Caller caller;
    private final Clock clock;

    public ParticipantFeed(DataSource dataSource, Caller caller, Clock clock) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.clock = clock;
    }

    /** What the caller asked for; every part optional. */
    public record Filter(String programmeCode, String hubCode, String academicYear, UUID workGroupId, String urn,
            String updatedSince) {

        public Optional<Instant> since() {
            if (updatedSince == null || updatedSince.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(updatedSince).toInstant());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("updated_since", "must be an ISO 8601 date-time with its offset, like 2027-09-01T00:00:00Z");
            }
        }

        String describe() {
            return "programme=%s hub=%s academicYear=%s workGroupId=%s urn=%s updated_since=%s".formatted(programmeCode,
                    hubCode, academicYear, workGroupId, urn, updatedSince);
        }
    }

    public Page<ParticipantRow> page(Filter filter, String cursor, Integer size) {
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        Optional<String[]> after = Optional.ofNullable(cursor).filter(c -> !c.isBlank()).map(ParticipantFeed::decode);
        List<ParticipantRow> rows = new ArrayList<>();
        String last = null;
        boolean more = false;
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> parameters = where(filter, sql);
        after.ifPresent(position -> {
            sql.append(" AND (p.change_xid, p.id) > (?::xid8, ?::uuid)");
            parameters.add(position[0]);
            parameters.add(position[1]);
        });
        sql.append(" ORDER BY p.change_xid, p.id LIMIT ").append(pageSize + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql.toString(), parameters);
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                if (rows.size() == pageSize) {
                    more = true;
                    break;
                }
                rows.add(row(result));
                last = result.getString(2) + ":" + result.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading participants failed", e);
        }
        log(caller.name(), "participants", filter.describe() + (cursor == null ? "" : " cursor"), rows.size());
        return new Page<>(rows, pageSize, more ? encode(last) : null);
    }

    /** Every matching row as CSV, streamed from the database a thousand at a time: memory stays flat. */
    public void csv(Filter filter, Writer out, String client) throws IOException {
        StringBuilder sql = new StringBuilder(COLUMNS);
        List<Object> parameters = where(filter, sql);
        sql.append(" ORDER BY p.change_xid, p.id");
        int count = 0;
        out.write("participant_id,application_id,work_group_id,programme_code,hub_code,academic_year,urn,school_name,"
                + "role,name,email,trn,withdrawn,withdrawn_at,updated_at\r\n");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            try (PreparedStatement statement = prepare(connection, sql.toString(), parameters)) {
                statement.setFetchSize(1000);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        ParticipantRow r = row(result);
                        out.write(String.join(",", csv(r.participantId()), csv(r.applicationId()), csv(r.workGroupId()),
                                csv(r.programmeCode()), csv(r.hubCode()), csv(r.academicYear()), csv(r.urn()),
                                csv(r.schoolName()), csv(r.role()), csv(r.name()), csv(r.email()), csv(r.trn()),
                                String.valueOf(r.withdrawn()), csv(r.withdrawnAt()), csv(r.updatedAt())));
                        out.write("\r\n");
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("Reading participants failed", e);
        }
        out.flush();
        log(client, "participants.csv", filter.describe(), count);
    }

    private static List<Object> where(Filter filter, StringBuilder sql) {
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, "p.programme_code = ?", filter.programmeCode());
        condition(sql, parameters, "g.hub_code = ?", filter.hubCode());
        condition(sql, parameters, "p.academic_year = ?", filter.academicYear());
        condition(sql, parameters, "p.work_group_id = ?", filter.workGroupId());
        condition(sql, parameters, "p.urn = ?", filter.urn());
        filter.since().ifPresent(since -> {
            sql.append(" AND p.updated_at >= ?");
            parameters.add(Timestamp.from(since));
        });
        return parameters;
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            sql.append(" AND ").append(clause);
            parameters.add(value);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static ParticipantRow row(ResultSet r) throws SQLException {
        Timestamp withdrawnAt = r.getTimestamp(15);
        return new ParticipantRow(r.getObject(1, UUID.class), r.getObject(4, UUID.class), r.getObject(5, UUID.class),
                r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                r.getString(12), r.getString(13), r.getString(14), withdrawnAt != null,
                withdrawnAt == null ? null : withdrawnAt.toInstant(), r.getTimestamp(3).toInstant());
    }

    private void log(String client, String resource, String query, int rows) {
        Instant at = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createNativeQuery("INSERT INTO data_access (client, resource, query, rows, accessed_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, client).setParameter(2, resource).setParameter(3, query).setParameter(4, rows)
                .setParameter(5, at).executeUpdate());
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            var matcher = CURSOR.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (matcher.matches()) {
                return new String[] {matcher.group(1), matcher.group(2)};
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this API gave out; start again without one");
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A cell a spreadsheet would run as a formula is kept as text.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("[^\",\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
