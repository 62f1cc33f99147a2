package io.sanjiaodi.systemtest.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as separate processes, as the local run starts it: PostgreSQL, the Kafka broker
 * (through the test's {@link KafkaProxy}), the MongoDB-wire server and the three services. Every
 * process can be killed or stopped and started again, PostgreSQL's server also under its launcher.
 */
final class Cluster implements AutoCloseable {

    private static final String OUT_OF_MEMORY =
            "-XX:+ExitOnOutOfMemoryError -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=";

    /** The processes; {@code INTERVIEW_B} and {@code RECTIFICATION_B} are second instances of those services. */
    enum Node {
        POSTGRES,
        MONGO,
        KAFKA,
        INTERVIEW,
        RECTIFICATION,
        AUDIT,
        INTERVIEW_B,
        RECTIFICATION_B,
        AUDIT_B;

        /** The first instance of a service, for a second instance; itself otherwise. */
        Node first() {
            return switch (this) {
                case INTERVIEW_B -> INTERVIEW;
                case RECTIFICATION_B -> RECTIFICATION;
                case AUDIT_B -> AUDIT;
                default -> this;
            };
        }
    }

    /**
     * two instances of every service (-Dfault.instances=1 for one): interview- and
     * rectification-service both take commands, audit-service has one writer and a hot standby
     */
    static final int INSTANCES = Integer.getInteger("fault.instances", 2);

    /** every service process of this run, first instances first */
    static final List<Node> SERVICES = INSTANCES > 1
            ? List.of(
                    Node.INTERVIEW,
                    Node.RECTIFICATION,
                    Node.AUDIT,
                    Node.INTERVIEW_B,
                    Node.RECTIFICATION_B,
                    Node.AUDIT_B)
            : List.of(Node.INTERVIEW, Node.RECTIFICATION, Node.AUDIT);

    /** The broker's group.min.session.timeout.ms is 6 s: no lower. */
    static final int SESSION_TIMEOUT_MS = 6000;

    static final int MAX_POLL_INTERVAL_MS = 10000;

    private final Path workDir;
    private final int kafkaPort;
    /** every Kafka client of the run, the services' and the test's, goes through the proxy */
    private final int proxyPort;

    private final KafkaProxy proxy;
    private final int mongoPort;
    private final int postgresPort;
    private final Map<Node, Integer> httpPorts = new EnumMap<>(Node.class);
    private final Map<Node, ManagedProcess> processes = new EnumMap<>(Node.class);
    private final Readiness readiness = new Readiness(this);

    Cluster(Path workDir) throws IOException {
        this.workDir = workDir;
        this.kafkaPort = Processes.freePortPair();
        this.proxyPort = Processes.freePort();
        this.proxy = new KafkaProxy(proxyPort, kafkaPort);
        this.mongoPort = Processes.freePort();
        this.postgresPort = Processes.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        processes.put(
                Node.POSTGRES,
                new ManagedProcess(
                        "postgres",
                        List.of(
                                java,
                                "-Xmx128m",
                                "-cp",
                                classpath,
                                "io.sanjiaodi.devstack.DevPostgres",
                                "--port",
                                "" + postgresPort,
                                "--data",
                                postgresData().toString()),
                        Map.of(),
                        workDir));
        // run.sh's heap (the store sorts in memory); out of memory it exits with a heap dump, not hangs
        processes.put(
                Node.MONGO,
                new ManagedProcess(
                        "mongo",
                        List.of(
                                java,
                                "-Xmx512m",
                                "-cp",
                                classpath,
                                "io.sanjiaodi.devstack.DevMongo",
                                "--port",
                                "" + mongoPort,
                                "--data",
                                workDir.resolve("mongo").toString()),
                        Map.of("JAVA_TOOL_OPTIONS", OUT_OF_MEMORY + workDir),
                        workDir));
        processes.put(
                Node.KAFKA,
                new ManagedProcess(
                        "kafka",
                        List.of(
                                java,
                                "-Xmx384m",
                                "-cp",
                                classpath,
                                "io.sanjiaodi.devstack.DevKafka",
                                "--port",
                                "" + kafkaPort,
                                // clients reconnect through the proxy after the first metadata answer too
                                "--advertised-port",
                                "" + proxyPort,
                                "--data",
                                workDir.resolve("kafka").toString()),
                        Map.of(),
                        workDir));
        for (Node service : SERVICES) {
            int port = Processes.freePort();
            httpPorts.put(service, port);
            processes.put(service, ServiceProcess.of(service, java, port, this, workDir));
        }
    }

    void startAll() {
        start(Node.POSTGRES);
        start(Node.MONGO);
        start(Node.KAFKA);
        for (Node service : SERVICES) {
            processes.get(service).start();
        }
        for (Node service : SERVICES) {
            readiness.await(service);
        }
    }

    void start(Node node) {
        start(node, Map.of());
    }
    /** With more environment for this start only (libfaketime's, for a clock that is off). */
    void start(Node node, Map<String, String> environment) {
        processes.get(node).start(environment);
        switch (node) {
            case POSTGRES -> Processes.awaitPort(postgresPort, processes.get(node));
            case MONGO -> Processes.awaitPort(mongoPort, processes.get(node));
            case KAFKA -> Processes.awaitPort(kafkaPort, processes.get(node));
            default -> readiness.await(node, () -> processes.get(node).start(environment));
        }
    }

    void kill(Node node) {
        processes.get(node).kill();
    }

    void stop(Node node) {
        processes.get(node).stop();
    }

    /**
     * SIGKILL to the PostgreSQL server and all its processes at once (not to the launcher), as a
     * crash would: whatever was committed must be in the write-ahead log on disk. The launcher is
     * then stopped, and {@link #start} brings the server back through crash recovery.
     */
    void killPostgresServer() throws IOException, InterruptedException {
        List<Long> server = postgresServerPids();
        Processes.signal("KILL", server);
        ProcessHandle.of(server.get(0)).ifPresent(p -> p.onExit().join());
        processes.get(Node.POSTGRES).stop();
    }

    /**
     * The processes a pause stops: a service's or the broker's JVM; for {@code POSTGRES} the server
     * itself (the postmaster first, then every backend), not its launcher.
     */
    List<Long> pausable(Node node) throws IOException {
        return node == Node.POSTGRES
                ? postgresServerPids()
                : List.of(processes.get(node).pid());
    }

    private List<Long> postgresServerPids() throws IOException {
        Path pidFile = postgresData().resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        List<Long> pids = new ArrayList<>(List.of(pid));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    Path workDir() {
        return workDir;
    }

    String postgresUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/sanjiaodi";
    }

    Path postgresData() {
        return workDir.toAbsolutePath().resolve("postgres");
    }

    String url(Node service) {
        return "http://localhost:" + httpPorts.get(service);
    }

    /** An instance of {@code service} that is running, at random: what a load balancer would pick. */
    String anyUrl(Node service) {
        List<Node> up = instances(service).stream()
                .filter(n -> processes.get(n).alive())
                .toList();
        List<Node> from = up.isEmpty() ? instances(service) : up;
        return url(from.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(from.size())));
    }

    /**
     * The audit-service instance that is the writer now (the one whose readiness is UP: a standby
     * answers OUT_OF_SERVICE), the first if neither is: where readers and the checker go.
     */
    String auditUrl() {
        return url(auditWriter());
    }

    Node auditWriter() {
        return instances(Node.AUDIT).stream()
                .filter(readiness::ready)
                .findFirst()
                .orElse(Node.AUDIT);
    }

    /** The instances of {@code service} in this run. */
    List<Node> instances(Node service) {
        return SERVICES.stream().filter(n -> n.first() == service.first()).toList();
    }

    String kafkaBootstrap() {
        return "localhost:" + proxyPort;
    }

    KafkaProxy proxy() {
        return proxy;
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    @Override
    public void close() {
        List<Node> order = new ArrayList<>(SERVICES);
        java.util.Collections.reverse(order);
        order.addAll(List.of(Node.KAFKA, Node.MONGO, Node.POSTGRES));
        for (Node node : order) {
            ManagedProcess process = processes.get(node);
            if (process.alive()) {
                process.stop();
            }
        }
        try {
            proxy.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    ManagedProcess process(Node node) {
        return processes.get(node);
    }

    static boolean jarsBuilt() {
        return Processes.jarsBuilt();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
