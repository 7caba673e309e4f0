package uk.mathshubs.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a value in every column of every row of every table of a database, as an auditor checking an erasure
 * would: each row is read as text, so no column is missed, whatever its name or type.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** "table: N rows" for each table where some row holds one of the values (case-insensitive); empty if none. */
    public static List<String> tablesHolding(Connection connection, String... values) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""");
                ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            for (String value : values) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM " + table + " t WHERE strpos(lower(t::text), lower(?)) > 0")) {
                    statement.setString(1, value);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        if (result.getLong(1) > 0) {
                            holding.add(table + ": " + result.getLong(1) + " rows holding " + value);
                        }
                    }
                }
            }
        }
        return holding;
    }
}
