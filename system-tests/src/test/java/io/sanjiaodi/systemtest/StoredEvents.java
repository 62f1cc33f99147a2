package io.sanjiaodi.systemtest;

import io.sanjiaodi.devstack.DevPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a service's event store really holds, read directly from its PostgreSQL schema, not through the service. */
final class StoredEvents {

    private final DevPostgres postgres;
    private final String schema;

    StoredEvents(DevPostgres postgres, String schema) {
        this.postgres = postgres;
        this.schema = schema;
    }

    /** Every stored event, in global index order: its identifier (the CloudEvents id downstream) and its type. */
    Map<String, String> eventTypesById() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = postgres.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT eventIdentifier, payloadType FROM " + schema
                        + ".domainevententry ORDER BY globalIndex")) {
            while (rs.next()) {
                String type = rs.getString(2);
                types.put(rs.getString(1), type.substring(type.lastIndexOf('.') + 1));
            }
        }
        return types;
    }

    /** The aggregates that have an event of this (simple) type. */
    List<String> aggregatesWith(String type) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = postgres.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT aggregateIdentifier FROM " + schema + ".domainevententry WHERE payloadType LIKE ?")) {
            s.setString(1, "%." + type);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The events of one aggregate, by sequence number. */
    List<String> eventIdsOf(String aggregateId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = postgres.connect();
                PreparedStatement s = c.prepareStatement("SELECT eventIdentifier FROM " + schema
                        + ".domainevententry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** As if the service had died after a keyed request's commit, before its answer was recorded. */
    void abandonClaim(String idempotencyKey) throws SQLException {
        try (Connection c = postgres.connect();
                PreparedStatement s = c.prepareStatement("UPDATE " + schema
                        + ".idempotency_keys SET state = 'RUNNING', claimed_at = now() - interval '2 minutes'"
                        + " WHERE key = ?")) {
            s.setString(1, idempotencyKey);
            if (s.executeUpdate() != 1) {
                throw new IllegalStateException("no claim of key " + idempotencyKey);
            }
        }
    }
}
