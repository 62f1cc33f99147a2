package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.platform.security.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system as separate processes, as the local run starts it: PostgreSQL (the event
 * stores), the Kafka broker (KRaft) and the file-backed MongoDB-wire server from devstack, and the
 * three services from their runnable jars. Every process can be killed or stopped and started again,
 * and the PostgreSQL server itself can be killed with SIGKILL under its launcher.
 */
final class Cluster implements AutoCloseable {

    enum Node {
        POSTGRES,
        MONGO,
        KAFKA,
        INTERVIEW,
        RECTIFICATION,
        AUDIT
    }

    private final Path workDir;
    private final int kafkaPort;
    private final int mongoPort;
    private final int postgresPort;
    private final Map<Node, Integer> httpPorts = new EnumMap<>(Node.class);
    private final Map<Node, ManagedProcess> processes = new EnumMap<>(Node.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Cluster(Path workDir) throws IOException {
        this.workDir = workDir;
        this.kafkaPort = freePortPair();
        this.mongoPort = freePort();
        this.postgresPort = freePort();
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
        // the database gets the heap run.sh gives it: the embedded store sorts in memory
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
                        Map.of(),
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
                                "--data",
                                workDir.resolve("kafka").toString()),
                        Map.of(),
                        workDir));
        for (Node service : List.of(Node.INTERVIEW, Node.RECTIFICATION, Node.AUDIT)) {
            int port = freePort();
            httpPorts.put(service, port);
            String name = service.name().toLowerCase() + "-service";
            processes.put(
                    service,
                    new ManagedProcess(
                            name,
                            List.of(
                                    java,
                                    "-Xmx320m",
                                    "-XX:+UseSerialGC",
                                    "-XX:TieredStopAtLevel=1",
                                    "-Daxoniq.update-checker.disabled=true",
                                    "-jar",
                                    jar(name).toAbsolutePath().toString(),
                                    // the services trust the tests' token key (security contract: public-key-location)
                                    TestTokens.publicKeyArgument()),
                            Map.of(
                                    "PORT",
                                    "" + port,
                                    "KAFKA_BOOTSTRAP_SERVERS",
                                    kafkaBootstrap(),
                                    "POSTGRES_URL",
                                    postgresUrl(),
                                    // the driver's own connect timeout and half its server selection: right after a
                                    // database restart every service reconnects and rescans at once, and a starting
                                    // service that gave up after 3 s exited (soak, round 108)
                                    "MONGODB_URI",
                                    mongoUri() + "/?serverSelectionTimeoutMS=15000&connectTimeoutMS=10000",
                                    "RECTIFICATION_SWEEPER_ENABLED",
                                    "false"),
                            workDir));
        }
    }

    void startAll() {
        start(Node.POSTGRES);
        start(Node.MONGO);
        start(Node.KAFKA);
        for (Node service : List.of(Node.INTERVIEW, Node.RECTIFICATION, Node.AUDIT)) {
            processes.get(service).start();
        }
        for (Node service : List.of(Node.INTERVIEW, Node.RECTIFICATION, Node.AUDIT)) {
            awaitReady(service);
        }
    }

    void start(Node node) {
        processes.get(node).start();
        switch (node) {
            case POSTGRES -> awaitPort(postgresPort, node);
            case MONGO -> awaitPort(mongoPort, node);
            case KAFKA -> awaitPort(kafkaPort, node);
            default -> awaitReady(node);
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
        Path pidFile = postgresData().resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        List<String> kill = new ArrayList<>(List.of("kill", "-KILL", Long.toString(pid)));
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> kill.add(Long.toString(d.pid()))));
        new ProcessBuilder(kill).inheritIO().start().waitFor();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        processes.get(Node.POSTGRES).stop();
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

    String kafkaBootstrap() {
        return "localhost:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        List<Node> order = new ArrayList<>(
                List.of(Node.AUDIT, Node.RECTIFICATION, Node.INTERVIEW, Node.KAFKA, Node.MONGO, Node.POSTGRES));
        for (Node node : order) {
            ManagedProcess process = processes.get(node);
            if (process.alive()) {
                process.stop();
            }
        }
    }

    private void awaitReady(Node service) {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            requireAlive(service);
            sleep(300);
        }
        throw new IllegalStateException(
                service + " not ready; see " + processes.get(service).log());
    }

    private void awaitPort(int port, Node node) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                requireAlive(node);
                sleep(200);
            }
        }
        throw new IllegalStateException(node + " did not open port " + port);
    }

    private void requireAlive(Node node) {
        if (!processes.get(node).alive()) {
            throw new IllegalStateException(
                    node + " exited; see " + processes.get(node).log());
        }
    }

    private static Path jar(String service) throws IOException {
        Path target = Path.of("..", service, "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no runnable jar in " + target + "; run ./mvnw package"));
        }
    }

    static boolean jarsBuilt() {
        return Stream.of("interview-service", "rectification-service", "audit-service")
                .allMatch(service -> {
                    try (Stream<Path> files = Files.list(Path.of("..", service, "target"))) {
                        return files.anyMatch(f -> f.getFileName().toString().endsWith("-exec.jar"));
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kafka takes the port and the next one (its controller). */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
