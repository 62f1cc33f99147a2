package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Cluster.Node;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Injects one fault and brings the system back: restart after a kill or stop, SIGCONT after a pause. */
final class FaultInjector {

    /** Longer than the consumers' session timeout and poll interval for this run (see {@link Cluster}). */
    static final long PAUSE_MILLIS = Long.getLong("fault.pause.ms", 12_000);

    /** What a round did: to which process, when the fault began and when recovery began. */
    record Injected(String target, long faultNanos, long backNanos, String detail) {}

    private final Cluster cluster;
    private final Random random;
    private final PoisonInjector poison;

    FaultInjector(Cluster cluster, Random random, PoisonInjector poison) {
        this.cluster = cluster;
        this.random = random;
        this.poison = poison;
    }

    Injected inject(Fault fault) throws Exception {
        long t0 = System.nanoTime();
        return switch (fault) {
            case KILL_INTERVIEW, KILL_RECTIFICATION, KILL_AUDIT -> {
                // audit-service: the writer, so that the standby has to take over
                Node node = fault == Fault.KILL_AUDIT ? cluster.auditWriter() : oneOf(cluster.instances(fault.node));
                cluster.kill(node);
                long back = System.nanoTime();
                cluster.start(node);
                yield new Injected(node.name(), t0, back, "");
            }
            case STOP_KAFKA, KILL_KAFKA, KILL_MONGO, KILL_POSTGRES -> {
                if (fault == Fault.STOP_KAFKA) {
                    cluster.stop(Node.KAFKA);
                } else if (fault == Fault.KILL_POSTGRES) {
                    cluster.killPostgresServer();
                } else {
                    cluster.kill(fault.node);
                }
                Cluster.sleep(1000 + random.nextInt(2000));
                long back = System.nanoTime();
                cluster.start(fault.node);
                yield new Injected(fault.node.name(), t0, back, "");
            }
            case PAUSE_SERVICE, PAUSE_KAFKA, PAUSE_POSTGRES -> {
                // of the services, those with Kafka consumers: their session must expire
                List<Node> consuming = new java.util.ArrayList<>(cluster.instances(Node.RECTIFICATION));
                consuming.add(cluster.auditWriter()); // paused past the writer lease: the standby takes over
                Node node = fault == Fault.PAUSE_SERVICE ? oneOf(consuming) : fault.node;
                yield pause(node, t0);
            }
            case NET_RESET -> {
                int reset = 0;
                for (int i = 0; i < 8; i++) {
                    reset += cluster.proxy().reset();
                    Cluster.sleep(1000);
                }
                yield new Injected("KAFKA", t0, System.nanoTime(), reset + " sockets closed with a reset in 8 s");
            }
            case NET_DELAY -> {
                cluster.proxy().delay(500);
                Cluster.sleep(10_000);
                cluster.proxy().delay(0);
                yield new Injected("KAFKA", t0, System.nanoTime(), "500 ms a chunk for 10 s");
            }
            case NET_HOLD -> {
                cluster.proxy().hold(true);
                Cluster.sleep(PAUSE_MILLIS);
                cluster.proxy().hold(false);
                yield new Injected("KAFKA", t0, System.nanoTime(), "for " + PAUSE_MILLIS + " ms");
            }
            case CLOCK -> {
                List<Node> writing = new java.util.ArrayList<>(cluster.instances(Node.INTERVIEW));
                writing.addAll(cluster.instances(Node.RECTIFICATION));
                Node node = oneOf(writing);
                long offset = (random.nextBoolean() ? 1 : -1) * (60 + random.nextInt(3540));
                cluster.stop(node);
                cluster.start(node, clockOff(offset));
                Cluster.sleep(8000);
                cluster.stop(node);
                long back = System.nanoTime();
                cluster.start(node);
                yield new Injected(node.name(), t0, back, offset + " s off for 8 s, then stepped back");
            }
            case OVERLAP -> overlap(t0);
            case POISON -> {
                List<PoisonInjector.Poison> injected = poison.inject();
                yield new Injected(
                        "interview.events, rectification.events",
                        t0,
                        System.nanoTime(),
                        injected.size() + " records " + injected);
            }
        };
    }

    /** With two instances of a service, the fault hits one of them at random; the other goes on taking commands. */
    private Node oneOf(List<Node> nodes) {
        return nodes.get(random.nextInt(nodes.size()));
    }

    /** Debian's libfaketime (package faketime, which .ci/run installs). */
    static final Path FAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

    /**
     * The environment of a JVM whose wall clock is {@code seconds} off: libfaketime preloaded into
     * the JVM itself, not through the {@code faketime} wrapper, which would stand between the harness
     * and the process it kills. The monotonic clock stays true, as on a machine whose clock is off.
     * FAKETIME_FORCE_MONOTONIC_FIX=0: with the monotonic clock left alone, libfaketime's default
     * "fix" of pthread_cond_timedwait only slows every timed wait of the JVM (a bare program with
     * ten 10 ms sleeps: 0.7 s → 9.7 s; a service start 8 s → 105 s, past the readiness wait).
     */
    static Map<String, String> clockOff(long seconds) {
        return Map.of(
                "LD_PRELOAD",
                FAKETIME.toString(),
                "FAKETIME",
                (seconds >= 0 ? "+" : "") + seconds + "s",
                "FAKETIME_DONT_FAKE_MONOTONIC",
                "1",
                "FAKETIME_FORCE_MONOTONIC_FIX",
                "0");
    }

    /** See {@link Fault#OVERLAP}: three outages that overlap, the broker's the longest (35 s). */
    private Injected overlap(long t0) throws Exception {
        cluster.proxy().hold(true);
        java.util.concurrent.CompletableFuture<Void> brokerBack =
                java.util.concurrent.CompletableFuture.runAsync(() -> {
                    Cluster.sleep(35_000);
                    cluster.proxy().hold(false);
                });
        Cluster.sleep(5000);
        List<Long> database = cluster.pausable(Node.POSTGRES);
        Processes.signal("STOP", database);
        Cluster.sleep(5000);
        Node service = oneOf(cluster.instances(Node.INTERVIEW));
        cluster.kill(service);
        Cluster.sleep(7000);
        Set<Long> resume = new LinkedHashSet<>(database);
        resume.addAll(cluster.pausable(Node.POSTGRES));
        Processes.signal("CONT", List.copyOf(resume));
        cluster.start(service); // its start-up meets the broker still unreachable
        brokerBack.join();
        long back = System.nanoTime(); // every outage over
        return new Injected(
                "KAFKA, POSTGRES, " + service.name(),
                t0,
                back,
                "broker held 35 s; database paused 12 s from 5 s in; " + service
                        + " killed 10 s in, restarted at 17 s");
    }

    /** SIGSTOP, PAUSE_MILLIS, SIGCONT (to every process stopped, and any that appeared meanwhile). */
    private Injected pause(Node node, long t0) throws Exception {
        List<Long> stopped = cluster.pausable(node);
        Processes.signal("STOP", stopped);
        Cluster.sleep(PAUSE_MILLIS);
        Set<Long> resume = new LinkedHashSet<>(stopped);
        resume.addAll(cluster.pausable(node));
        Processes.signal("CONT", List.copyOf(resume));
        long back = System.nanoTime();
        return new Injected(node.name(), t0, back, "for " + PAUSE_MILLIS + " ms, " + stopped.size() + " processes");
    }
}
