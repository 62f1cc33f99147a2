package io.sanjiaodi.systemtest.fault;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the cluster needs of the operating system: free ports, the services' jars, signals. */
final class Processes {

    private Processes() {}

    /** {@code kill -<signal> <pids>}: SIGSTOP and SIGCONT have no JDK API. */
    static void signal(String signal, List<Long> pids) {
        List<String> kill = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> kill.add(Long.toString(pid)));
        try {
            int rc = new ProcessBuilder(kill).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException(String.join(" ", kill) + " exited with " + rc);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", kill), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void awaitPort(int port, ManagedProcess process) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.alive()) {
                    throw new IllegalStateException(process.name() + " exited; see " + process.log());
                }
                Cluster.sleep(200);
            }
        }
        throw new IllegalStateException(process.name() + " did not open port " + port);
    }

    static Path jar(String service) throws IOException {
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Kafka takes the port and the next one (its controller). */
    static int freePortPair() throws IOException {
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
}
