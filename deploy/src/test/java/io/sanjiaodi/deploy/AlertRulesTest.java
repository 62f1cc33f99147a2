package io.sanjiaodi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules of ops/prometheus: promtool (Debian's prometheus package; .ci/run installs it)
 * checks them and runs their unit tests, and every figure of ours they and the Grafana dashboard
 * watch is one the services register, so a renamed metric cannot silence an alert.
 */
class AlertRulesTest {
    static final Path OPS = Path.of("..", "ops", "prometheus");
    static final Path DASHBOARD = Path.of("..", "ops", "grafana", "dashboards", "sanjiaodi.json");
    private static final Pattern OURS = Pattern.compile("\\bsanjiaodi_[a-z_]+");

    @Test
    void promtoolFindsTheRulesValidAndTheirUnitTestsPass() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void everyFigureOfOursTheRulesAndTheDashboardWatchIsRegisteredByAService() throws IOException {
        Set<String> watched = new TreeSet<>();
        for (Path file : List.of(OPS.resolve("alerts.yml"), DASHBOARD)) {
            Matcher names = OURS.matcher(Files.readString(file));
            while (names.find()) {
                watched.add(names.group());
            }
        }
        assertThat(watched).contains("sanjiaodi_processor_lag", "sanjiaodi_audit_writer", "sanjiaodi_dead_letters");
        String sources = mainSources();
        List<String> unregistered = watched.stream()
                // Micrometer's Prometheus names: dots become underscores, a time gauge gains _seconds
                .map(name -> name.replaceFirst("_seconds$", "").replace('_', '.'))
                .filter(meter -> !sources.contains("\"" + meter + "\""))
                .toList();
        assertThat(unregistered).as("meters no service registers").isEmpty();
    }

    /** Every module's src/main/java, not the whole tree (node_modules, target). */
    private static String mainSources() throws IOException {
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path main : modules.map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.append(Files.readString(file)).append('\n');
                    }
                }
            }
        }
        return sources.toString();
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(OPS.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException missing) {
            throw new AssertionError("promtool is not on the path: apt-get install prometheus (.ci/run does)", missing);
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
