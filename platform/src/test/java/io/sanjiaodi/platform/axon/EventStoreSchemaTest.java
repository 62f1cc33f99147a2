package io.sanjiaodi.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.devstack.MigrateEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables a service creates and those the migration of an old data directory creates are the
 * same, column for column and index for index: the migration runs before any service has started.
 */
class EventStoreSchemaTest {

    @Test
    void theMigrationCreatesTheEventTablesExactlyAsTheServicesDo() throws Exception {
        PostgresEventStore.createSchema(
                DevPostgres.shared().dataSource("layout_service"),
                new EventStoreProperties("layout_service", Duration.ofMinutes(1), 1, 1));
        try (Connection db = DevPostgres.shared().connect()) {
            MigrateEventStore.createTables(db, "layout_migration");

            for (String table : List.of("domainevententry", "snapshotevententry")) {
                assertThat(columns(db, "layout_migration", table))
                        .as(table)
                        .isNotEmpty()
                        .isEqualTo(columns(db, "layout_service", table));
                assertThat(uniqueKeys(db, "layout_migration", table))
                        .as(table)
                        .isEqualTo(uniqueKeys(db, "layout_service", table));
            }
        }
    }

    private static List<String> columns(Connection db, String schema, String table) throws Exception {
        return list(
                db,
                "SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns"
                        + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
                schema,
                table);
    }

    /** The columns of every primary key and unique constraint, without the generated names. */
    private static List<String> uniqueKeys(Connection db, String schema, String table) throws Exception {
        return list(
                db,
                "SELECT c.contype::text || '(' || string_agg(a.attname, ',' ORDER BY k.n) || ')'"
                        + " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace"
                        + " CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)"
                        + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum"
                        + " WHERE s.nspname = ? AND t.relname = ? AND c.contype IN ('p', 'u') GROUP BY c.oid, c.contype ORDER BY 1",
                schema,
                table);
    }

    private static List<String> list(Connection db, String sql, String schema, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        return rows;
    }
}
