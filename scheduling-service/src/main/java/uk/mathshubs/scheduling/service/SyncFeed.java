package uk.mathshubs.scheduling.service;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.mathshubs.kit.audit.AuditTrail;
import uk.mathshubs.kit.input.InputRules;
import uk.mathshubs.kit.problem.ProblemException;
import uk.mathshubs.scheduling.api.SyncPage;

/**
 * A read model the NCETM syncs from. Rows come in the order their last change committed ({@code change_xid}, then the
 * row's key), and only up to the oldest transaction still running: a row that commits later has a later position, so
 * a cursor never skips it, and a row changed during a sync comes again with its new values. CSV streams every
 * matching row with a database cursor, so memory stays flat whatever the size. Every pull goes to the audit trail.
 */
public abstract class SyncFeed<T> {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d+):([0-9a-f-]{36}(?::[0-9a-z_-]{1,40})?)");

    private final DataSource dataSource;
    private final AuditTrail audit;
    /** The CSV's columns: the JSON row's fields, by the same names and in the same order (one name per concept). */
    private final List<RecordComponent> columns;
    /** Each column's accessor, looked up once: a full export reads millions of cells. */
    private final List<java.lang.reflect.Method> accessors;

    protected SyncFeed(DataSource dataSource, AuditTrail audit, Class<T> rowType) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.columns = List.of(rowType.getRecordComponents());
        this.accessors = columns.stream().map(RecordComponent::getAccessor).toList();
    }

    /** What the caller asked for; every part optional. */
    public record Filter(String programmeCode, String hubCode, String academicYear, UUID workGroupId, String urn,
            String sinceParameter, String updatedSince) {

        /** The time from which rows are wanted, named in a 400 by the spelling the caller used. */
        public Optional<Instant> since() {
            return InputRules.instantParameter(sinceParameter, updatedSince);
        }

        String describe() {
            return "programme=%s hub=%s academicYear=%s workGroupId=%s urn=%s updatedSince=%s".formatted(programmeCode,
                    hubCode, academicYear, workGroupId, urn, updatedSince);
        }
    }

    /** The resource's name in the audit trail. */
    protected abstract String resource();

    /**
     * SELECT ... FROM ... WHERE x.change_xid < ?::xid8, the parameter being the oldest transaction still running
     * (read first, so that the planner sees a plain comparison and pages by the index); columns 1 and 2 are the key's
     * text and change_xid's text.
     */
    protected abstract String select();

    /**
     * The earliest change among the feed's rows that a page read now leaves out because their transaction had not
     * finished when it started: {@code SELECT min(p.updated_at) FROM participant p WHERE p.change_xid >= ?::xid8}, the
     * parameter being that oldest transaction still running.
     */
    protected abstract String earliestLeftOut();

    /** The change column and the key, as SQL, in paging order: e.g. {@code p.change_xid, p.id}. */
    protected abstract String order();

    /** The key as SQL for the cursor comparison, and its parameters from the cursor's key text: one id unless said. */
    protected String keyComparison() {
        return "?::uuid";
    }

    protected List<Object> keyParameters(String key) {
        return List.of(key);
    }

    /**
     * For a feed keyed by an id and a text (a Work Group and a URN, a response and a question): its comparison is
     * {@code ?::uuid, ?} and these are its parameters; a cursor with one part is refused like any cursor not given out.
     */
    protected static List<Object> idAndText(String key) {
        String[] parts = key.split(":", 2);
        if (parts.length != 2) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API gave out; start again without one");
        }
        return List.of(parts[0], parts[1]);
    }

    /**
     * The SQL condition of each filter, in the order programme, hub, academic year, Work Group, URN, updated since;
     * each {@code ?} in one is bound to that filter's value. Null where this feed has no such filter.
     */
    protected abstract List<String> filterConditions();

    protected abstract T row(ResultSet result) throws SQLException;

    /**
     * The header: the JSON's field names (updatedAt); or, asked for until its sunset, the former snake_case ones
     * (updated_at) the CSV had before version 1.2.0.
     */
    private String csvHeader(boolean formerNames) {
        return columns.stream().map(RecordComponent::getName)
                .map(name -> formerNames ? name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT) : name)
                .collect(java.util.stream.Collectors.joining(","));
    }

    private List<Object> csvCells(T row) {
        List<Object> values = new ArrayList<>(accessors.size());
        try {
            for (java.lang.reflect.Method accessor : accessors) {
                values.add(accessor.invoke(row));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("A row of " + resource() + " could not be read", e);
        }
        return values;
    }

    public SyncPage<T> page(Filter filter, String cursor, Integer size, String client) {
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        StringBuilder sql = new StringBuilder(select());
        List<Object> parameters = where(filter, sql);
        if (cursor != null && !cursor.isBlank()) {
            String[] position = decode(cursor);
            sql.append(" AND (").append(order()).append(") > (?::xid8, ").append(keyComparison()).append(')');
            parameters.add(position[0]);
            parameters.addAll(keyParameters(position[1]));
        }
        sql.append(" ORDER BY ").append(order()).append(" LIMIT ").append(pageSize + 1);
        List<T> rows = new ArrayList<>();
        String last = null;
        boolean more = false;
        Instant watermark;
        try (Connection connection = dataSource.getConnection()) {
            String oldestRunning = oldestRunning(connection);
            watermark = watermark(connection, oldestRunning);
            parameters.addFirst(oldestRunning);
            try (PreparedStatement statement = prepare(connection, sql.toString(), parameters);
                    ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    if (rows.size() == pageSize) {
                        more = true;
                        break;
                    }
                    rows.add(row(result));
                    last = result.getString(2) + ":" + result.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + resource() + " failed", e);
        }
        log(client, resource(), filter.describe() + (cursor == null ? "" : " cursor"), rows.size());
        return new SyncPage<>(rows, pageSize, more ? encode(last) : null, watermark);
    }

    public void csv(Filter filter, Writer out, String client, boolean formerHeader) throws IOException {
        StringBuilder sql = new StringBuilder(select());
        List<Object> parameters = where(filter, sql);
        sql.append(" ORDER BY ").append(order());
        int count = 0;
        out.write(csvHeader(formerHeader));
        out.write("\r\n");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // the driver streams with a fetch size only inside a transaction
            parameters.addFirst(oldestRunning(connection));
            try (PreparedStatement statement = prepare(connection, sql.toString(), parameters)) {
                statement.setFetchSize(1000);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        List<Object> cells = csvCells(row(result));
                        for (int i = 0; i < cells.size(); i++) {
                            if (i > 0) {
                                out.write(',');
                            }
                            out.write(cell(cells.get(i)));
                        }
                        out.write("\r\n");
                        count++;
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("Reading " + resource() + " failed", e);
        }
        out.flush();
        log(client, resource() + ".csv", filter.describe(), count);
    }

    private List<Object> where(Filter filter, StringBuilder sql) {
        List<String> conditions = filterConditions();
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, conditions.get(0), "programme", filter.programmeCode());
        condition(sql, parameters, conditions.get(1), "hub", filter.hubCode());
        condition(sql, parameters, conditions.get(2), "academicYear", filter.academicYear());
        condition(sql, parameters, conditions.get(3), "workGroupId", filter.workGroupId());
        condition(sql, parameters, conditions.get(4), "urn", filter.urn());
        condition(sql, parameters, conditions.get(5), "updated_since", filter.since().map(Timestamp::from).orElse(null));
        return parameters;
    }

    private void condition(StringBuilder sql, List<Object> parameters, String condition, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return;
        }
        if (condition == null) {
            throw ProblemException.invalidField(field, "is not a filter of " + resource());
        }
        sql.append(" AND ").append(condition);
        condition.chars().filter(c -> c == '?').forEach(c -> parameters.add(value));
    }

    /** The oldest transaction still running: rows written by it, or after it, wait for a later page. */
    private static String oldestRunning(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_snapshot_xmin(pg_current_snapshot())::text");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getString(1);
        }
    }

    /**
     * The time from which the next pull must ask, read after the oldest running transaction: the earliest of now, the
     * start of every transaction still writing (a row it writes changes after that), and the change of every row this
     * page leaves out because its transaction had not finished (it committed since, or is still running). Two
     * statements, in that order: a transaction that is running when the first looks has its start counted; one that
     * has committed by then is visible to the second, which sees its rows. (Writers are this service's own database
     * role, whose sessions pg_stat_activity shows it in full.)
     */
    private Instant watermark(Connection connection, String oldestRunning) throws SQLException {
        Instant watermark;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT least(statement_timestamp(),
                       (SELECT min(xact_start) FROM pg_stat_activity
                        WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()))""");
                ResultSet result = statement.executeQuery()) {
            result.next();
            watermark = result.getTimestamp(1).toInstant();
        }
        try (PreparedStatement statement = connection.prepareStatement(earliestLeftOut())) {
            statement.setString(1, oldestRunning);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Timestamp leftOut = result.getTimestamp(1);
                return leftOut != null && leftOut.toInstant().isBefore(watermark) ? leftOut.toInstant() : watermark;
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /** Every pull, in the audit trail: who, what, which filters, how many rows. */
    private void log(String client, String resource, String query, int rows) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(client, "participation.read", resource,
                JsonNodeFactory.instance.objectNode().put("query", query).put("rows", rows)));
    }

    protected static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
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

    private static String cell(Object value) {
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
