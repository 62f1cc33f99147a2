package io.sanjiaodi.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml describes the same system on the official images; CI validates it with docker-compose. */
class DockerComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceAndTheThreeServersAreThereWithHealthChecks() throws IOException {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            compose = new Yaml().load(in);
        }
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services)
                .containsOnlyKeys(
                        "postgres",
                        "kafka",
                        "mongo",
                        "auth-server",
                        "interview-service",
                        "rectification-service",
                        "audit-service",
                        "prometheus",
                        "grafana");
        assertThat(Path.of("..", "ops", "prometheus", "prometheus.yml")).exists();
        assertThat(Path.of("..", "ops", "grafana", "dashboards", "sanjiaodi.json"))
                .exists();
        assertThat(services.get("kafka").get("image").toString()).startsWith("apache/kafka:");
        assertThat(services.get("mongo").get("image").toString()).startsWith("mongo:");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:17");
        assertThat((List<String>) services.get("postgres").get("volumes"))
                .anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        for (String svc : new String[] {"interview-service", "rectification-service", "audit-service"}) {
            assertThat(Path.of("..", svc, "Dockerfile")).exists();
            Map<String, Object> env = (Map<String, Object>) services.get(svc).get("environment");
            assertThat(env)
                    .containsKeys(
                            "POSTGRES_URL",
                            "POSTGRES_USER",
                            "POSTGRES_PASSWORD",
                            "KAFKA_BOOTSTRAP_SERVERS",
                            "MONGODB_URI");
            assertThat((Map<String, Object>) services.get(svc).get("depends_on"))
                    .containsKey("postgres");
            // the services validate the auth server's tokens (the security contract)
            assertThat(env)
                    .containsEntry(
                            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                            "http://auth-server:9000/oauth2/jwks");
            assertThat((Map<String, Object>) services.get(svc).get("depends_on"))
                    .containsKey("auth-server");
        }
        assertThat(Path.of("..", "auth-server", "Dockerfile")).exists();
        assertThat((List<String>) services.get("auth-server").get("volumes")).anyMatch(v -> v.endsWith(":/data"));
    }

    @Test
    void dockerComposeAcceptsTheFile() throws IOException, InterruptedException {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Process process = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
