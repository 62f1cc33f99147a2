package io.sanjiaodi.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Resident memory of the system's processes, read from /proc while the load runs (Linux only;
 * elsewhere the table stays empty). A process is recognised by its command line, so the same code
 * finds the services of run.sh, of the fault-injection cluster and of a Docker-less manual start.
 */
final class Rss {

    /** process → how its command line says so: the jar after {@code -jar}, or the main class. */
    private static final Map<String, String> MARKERS = Map.of(
            "interview-service",
            "interview-service",
            "rectification-service",
            "rectification-service",
            "audit-service",
            "audit-service",
            "auth-server",
            "auth-server",
            "kafka",
            "io.sanjiaodi.devstack.DevKafka",
            "mongodb",
            "io.sanjiaodi.devstack.DevMongo");

    private final Map<String, Long> peakKb = new ConcurrentHashMap<>();
    private final Map<String, Long> lastKb = new ConcurrentHashMap<>();

    void sample() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(this::sample);
        } catch (IOException ignored) {
            // a process ended while listing: the next sample sees the rest
        }
    }

    private void sample(Path pid) {
        try {
            List<String> args = List.of(
                    new String(Files.readAllBytes(pid.resolve("cmdline")), StandardCharsets.UTF_8).split("\u0000"));
            for (Map.Entry<String, String> marker : MARKERS.entrySet()) {
                if (is(args, marker.getValue())) {
                    long kb = rssKb(pid);
                    lastKb.put(marker.getKey(), kb);
                    peakKb.merge(marker.getKey(), kb, Math::max);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between listing and reading
        }
    }

    /** Not any JVM whose class path merely holds the jar (a test JVM, the build). */
    private static boolean is(List<String> args, String marker) {
        int jar = args.indexOf("-jar");
        if (jar >= 0 && jar + 1 < args.size()) {
            String file = Path.of(args.get(jar + 1)).getFileName().toString();
            return file.startsWith(marker + "-") && file.endsWith(".jar");
        }
        return args.contains(marker);
    }

    private static long rssKb(Path pid) throws IOException {
        for (String line : Files.readAllLines(pid.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    /** process → {last MiB, peak MiB} under load. */
    Map<String, long[]> figures() {
        Map<String, long[]> out = new TreeMap<>();
        peakKb.forEach((name, peak) -> out.put(name, new long[] {lastKb.get(name) / 1024, peak / 1024}));
        return out;
    }
}
