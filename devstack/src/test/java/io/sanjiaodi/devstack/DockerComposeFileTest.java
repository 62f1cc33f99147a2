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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                        "witness",
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
        // the witness keeps its private key on a volume of its own; the log reads only its public one
        assertThat((List<String>) services.get("witness").get("volumes")).contains("witness-data:/data");
        assertThat((List<String>) services.get("audit-service").get("volumes"))
                .noneMatch(v -> v.startsWith("witness-data:"))
                .contains("witness-pub:/witness-pub:ro");
        assertThat((List<String>) services.get("auth-server").get("volumes")).anyMatch(v -> v.endsWith(":/data"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServersAreReachableOnlyInsideTheComposeNetworkAndTheHostOnlyOnLoopback() throws IOException {
        Map<String, Map<String, Object>> services =
                (Map<String, Map<String, Object>>) compose().get("services");
        for (String server : new String[] {"postgres", "kafka", "mongo"}) {
            assertThat(services.get(server)).as(server).doesNotContainKey("ports");
        }
        services.forEach((name, service) -> {
            for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
                assertThat(port.toString()).as(name).startsWith("127.0.0.1:");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaAndMongoRequireEveryServiceToAuthenticateWithItsOwnUser() throws IOException {
        Map<String, Map<String, Object>> services =
                (Map<String, Map<String, Object>>) compose().get("services");
        String broker = Files.readString(Path.of("..", "ops", "kafka", "server.properties"));
        assertThat(broker)
                .contains("listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .contains("sasl.enabled.mechanisms=SCRAM-SHA-512")
                // the controller listener is not on the network
                .contains("CONTROLLER://localhost:9093");
        Map<String, Object> mongo = (Map<String, Object>) services.get("mongo").get("environment");
        assertThat(mongo).containsKeys("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD");
        assertThat((List<String>) services.get("mongo").get("volumes"))
                .anyMatch(v -> v.endsWith(":/docker-entrypoint-initdb.d/create-users.js:ro"));
        for (String svc : new String[] {"interview-service", "rectification-service", "audit-service"}) {
            Map<String, Object> env = (Map<String, Object>) services.get(svc).get("environment");
            assertThat(env).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString())
                    .contains("username=\"" + svc + "\"");
            assertThat(env.get("MONGODB_URI").toString()).startsWith("mongodb://" + svc + ":");
            assertThat(Files.readString(Path.of("..", "ops", "mongo", "create-users.js")))
                    .contains("'" + svc + "'");
            assertThat(Files.readString(Path.of("..", "ops", "kafka", "kafka-start.sh")))
                    .contains("name=" + svc + ",");
        }
        // no password in the repository: every one comes from .env (scripts/compose-secrets.sh)
        assertThat(Files.readString(COMPOSE)).doesNotContainPattern("PASSWORD:-");
    }

    /**
     * MongoDB as a replica set (single member) whose writes the services acknowledge only when a
     * majority has them journaled, reading majority-committed data; the key file comes from .env.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mongoIsAReplicaSetAndEveryServiceWritesMajorityJournaledAndReadsMajority() throws IOException {
        Map<String, Map<String, Object>> services =
                (Map<String, Map<String, Object>>) compose().get("services");
        String command = String.join(" ", (List<String>) services.get("mongo").get("command"));
        assertThat(command)
                .contains("--replSet rs0")
                .contains("--keyFile /tmp/replica.key")
                .contains("chmod 400");
        assertThat((Map<String, Object>) services.get("mongo").get("environment"))
                .containsEntry("MONGO_REPLICA_KEY", "${MONGO_REPLICA_KEY:?run scripts/compose-secrets.sh}");
        assertThat(String.join(" ", (List<String>)
                        ((Map<String, Object>) services.get("mongo").get("healthcheck")).get("test")))
                .contains("rs.initiate")
                .contains("isWritablePrimary");
        for (String svc : new String[] {"interview-service", "rectification-service", "audit-service"}) {
            String uri = ((Map<String, Object>) services.get(svc).get("environment"))
                    .get("MONGODB_URI")
                    .toString();
            assertThat(uri)
                    .contains("replicaSet=rs0")
                    .contains("w=majority")
                    .contains("journal=true")
                    .contains("readConcernLevel=majority");
        }
        assertThat(Files.readString(Path.of("..", "scripts", "compose-secrets.sh")))
                .contains("MONGO_REPLICA_KEY=");
    }

    @Test
    void everyImageWeBuildRunsAsAnUnprivilegedUser() throws IOException {
        for (String svc :
                new String[] {"auth-server", "interview-service", "rectification-service", "audit-service", "witness"
                }) {
            List<String> lines = Files.readAllLines(Path.of("..", svc, "Dockerfile"));
            List<String> users =
                    lines.stream().filter(l -> l.startsWith("USER ")).toList();
            assertThat(users).as(svc).hasSize(1);
            assertThat(users.get(0)).as(svc).isEqualTo("USER 10001:10001");
            assertThat(lines.indexOf(users.get(0)))
                    .as(svc + ": USER comes before the ENTRYPOINT")
                    .isLessThan(lines.stream()
                            .filter(l -> l.startsWith("ENTRYPOINT"))
                            .findFirst()
                            .map(lines::indexOf)
                            .orElseThrow());
        }
    }

    @Test
    void dockerComposeRefusesToStartWithoutTheSecrets() throws IOException, InterruptedException {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        ProcessBuilder config = composeConfig();
        config.environment().keySet().removeIf(k -> k.endsWith("_PASSWORD") || k.equals("KAFKA_CLUSTER_ID"));
        Process process = config.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("run scripts/compose-secrets.sh");
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            return new Yaml().load(in);
        }
    }

    /** docker-compose config with a value for every secret the file requires. */
    private static ProcessBuilder composeConfig() throws IOException {
        // a developer's .env beside the file must not decide the test
        Path noEnv = Files.createTempFile("no-secrets", ".env");
        noEnv.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(
                        "docker-compose", "--env-file", noEnv.toString(), "-f", COMPOSE.toString(), "config", "-q")
                .redirectErrorStream(true);
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Files.readString(COMPOSE));
        while (required.find()) {
            builder.environment()
                    .put(required.group(1), "test-" + required.group(1).toLowerCase());
        }
        return builder;
    }

    @Test
    void dockerComposeAcceptsTheFile() throws IOException, InterruptedException {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs it)");
        Process process = composeConfig().start();
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
