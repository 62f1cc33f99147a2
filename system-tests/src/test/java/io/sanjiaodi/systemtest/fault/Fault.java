package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Cluster.Node;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of fault a round injects. {@code -Dfault.only} takes these names, or a node's name for
 * that node's classic fault (INTERVIEW, RECTIFICATION, AUDIT, MONGO, POSTGRES: kill -9; KAFKA: stop).
 */
enum Fault {
    KILL_INTERVIEW(Node.INTERVIEW, "killed -9"),
    KILL_RECTIFICATION(Node.RECTIFICATION, "killed -9"),
    KILL_AUDIT(Node.AUDIT, "killed -9"),
    /** SIGTERM: the broker shuts down cleanly. */
    STOP_KAFKA(Node.KAFKA, "stopped"),
    /** SIGKILL: the broker recovers its log segments and the KRaft metadata log from disk. */
    KILL_KAFKA(Node.KAFKA, "killed -9"),
    /** SIGKILL: DevMongo acknowledges a write only once it is in its file. */
    KILL_MONGO(Node.MONGO, "killed -9"),
    /** SIGKILL of the postmaster and every backend at once: crash recovery from the write-ahead log. */
    KILL_POSTGRES(Node.POSTGRES, "killed -9 the server of"),
    /** SIGSTOP, then SIGCONT, of rectification- or audit-service (at random: the two with Kafka consumers). */
    PAUSE_SERVICE(null, "paused"),
    PAUSE_KAFKA(Node.KAFKA, "paused"),
    /** the postmaster and every backend */
    PAUSE_POSTGRES(Node.POSTGRES, "paused the server of"),
    /** records that are not CloudEvents, produced onto both event topics; nothing is down */
    POISON(null, "injected poison records into");

    final Node node;
    final String verb;

    Fault(Node node, String verb) {
        this.node = node;
        this.verb = verb;
    }

    boolean pause() {
        return name().startsWith("PAUSE_");
    }

    /** The default list, or the kinds named (comma-separated) in {@code spec}. */
    static List<Fault> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of(values());
        }
        return Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Fault::named)
                .toList();
    }

    private static Fault named(String name) {
        return switch (name) {
            case "INTERVIEW" -> KILL_INTERVIEW;
            case "RECTIFICATION" -> KILL_RECTIFICATION;
            case "AUDIT" -> KILL_AUDIT;
            case "KAFKA" -> STOP_KAFKA;
            case "MONGO" -> KILL_MONGO;
            case "POSTGRES" -> KILL_POSTGRES;
            default -> valueOf(name);
        };
    }
}
