package io.sanjiaodi.systemtest.fault;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the harness: started, killed with SIGKILL, stopped with SIGTERM, or paused
 * (SIGSTOP/SIGCONT, through {@link Cluster#signal}).
 */
final class ManagedProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path log;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workDir) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.workDir = workDir;
        this.log = workDir.resolve(name + ".log");
    }

    void start() {
        start(Map.of());
    }

    /** Starts with more environment (e.g. libfaketime's, for a skewed clock). */
    void start(Map<String, String> more) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().putAll(more);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() {
        process.destroyForcibly();
        await();
    }

    /** SIGTERM: the process shuts down the way an operator stops it. */
    void stop() {
        process.destroy();
        await();
    }

    /** The process id, for signals the JDK does not send (SIGSTOP, SIGCONT). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    private void await() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
