package io.sanjiaodi.systemtest;

import io.sanjiaodi.audit.AuditServiceApplication;
import io.sanjiaodi.auth.AuthServerApplication;
import io.sanjiaodi.interview.InterviewServiceApplication;
import io.sanjiaodi.platform.ServiceLauncher;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.rectification.RectificationServiceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services started in this JVM, each with its own Spring context, its own event store
 * schema in the given PostgreSQL database and its own MongoDB database, against the given Kafka broker. Services can
 * be stopped and started
 * again independently, the way an operator restarts one of them. On request the auth server runs
 * beside them, and the services validate its tokens.
 */
final class RunningSystem implements AutoCloseable {

    enum Service {
        INTERVIEW(InterviewServiceApplication.class, InterviewServiceApplication.NAME),
        RECTIFICATION(RectificationServiceApplication.class, RectificationServiceApplication.NAME),
        AUDIT(AuditServiceApplication.class, AuditServiceApplication.NAME);

        final Class<?> application;
        final String name;

        Service(Class<?> application, String name) {
            this.application = application;
            this.name = name;
        }
    }

    /**
     * The auth server's jar shares this classpath: no service is an authorization server, so none
     * gets Boot's authorization-server beans (a generated key and a JwtDecoder of its own).
     */
    private static final String NOT_AN_AUTHORIZATION_SERVER = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration";

    private final String kafkaBootstrap;
    private final String postgresUrl;
    private final String mongoUri;
    private final String databasePrefix;
    private final Map<Service, ConfigurableApplicationContext> contexts = new EnumMap<>(Service.class);
    private final List<ConfigurableApplicationContext> extra = new ArrayList<>();
    private SignIn signIn;
    private List<String> databaseUser = List.of();
    private ConfigurableApplicationContext authServer;

    /**
     * The issuer the tokens name: the contract's default, which the services expect unless told
     * otherwise, whatever port the auth server has in a test.
     */
    static final String ISSUER = "http://localhost:9000";

    /**
     * The auth server of a run: its URL (port chosen before the services start, since they must
     * know where to fetch its keys), its data directory and the password every demo user has in
     * the tests. A {@code <data>/auth/jwks.json} already there is the key it signs with (it reuses
     * an existing file), so a test can have it sign with a key the services already trust.
     */
    record SignIn(String url, Path dataDir, String demoPassword) {}

    RunningSystem(String kafkaBootstrap, String postgresUrl, String mongoUri, String databasePrefix) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.postgresUrl = postgresUrl;
        this.mongoUri = mongoUri;
        this.databasePrefix = databasePrefix;
    }

    /** The PostgreSQL user the services sign in as, where it is not the embedded server's {@code postgres}. */
    RunningSystem withDatabaseUser(String user, String password) {
        databaseUser = List.of("--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
        return this;
    }

    /** Starts the auth server with the services (call before {@link #startAll()}). */
    RunningSystem withAuthServer(Path dataDir, String demoPassword) {
        signIn = new SignIn("http://localhost:" + freePort(), dataDir, demoPassword);
        return this;
    }

    RunningSystem startAll() {
        for (Service service : Service.values()) {
            start(service);
        }
        if (signIn != null) {
            startAuthServer();
        }
        return this;
    }

    void start(Service service) {
        contexts.put(service, launch(service));
    }

    /** Another instance of a service on the same database and broker, as when it is scaled out. */
    String startSecondInstance(Service service) {
        return urlOf(startInstance(service));
    }

    /** Another instance of a service, its context returned (tests that reach into its command bus). */
    ConfigurableApplicationContext startInstance(Service service) {
        ConfigurableApplicationContext context = launch(service);
        extra.add(context);
        return context;
    }

    ConfigurableApplicationContext context(Service service) {
        return contexts.get(service);
    }

    static String urlOf(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext launch(Service service) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                // the tests sweep deadlines on demand (POST /api/deadline-sweeps), not on a timer
                "--rectification.sweeper.enabled=false",
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrap,
                "--spring.datasource.url=" + postgresUrl,
                "--sanjiaodi.event-store.schema=" + databasePrefix + service.name.replace("-service", ""),
                "--spring.mongodb.uri=" + mongoUri,
                "--spring.mongodb.database=" + databasePrefix + service.name.replace("-service", ""),
                NOT_AN_AUTHORIZATION_SERVER));
        args.addAll(databaseUser);
        if (service == Service.AUDIT) {
            // no witness runs here: the served C2SP checkpoint needs none (the cosigning protocol is tested
            // against a real witness in audit-service's WitnessedLogServiceTest, and run.sh starts one)
            args.add("--audit.witnesses-required=0");
        }
        // the services trust the tests' token key; with an auth server, that server signs with the same key
        args.add(TestTokens.publicKeyArgument());
        if (signIn != null) {
            // where the dashboard signs in
            args.add("--supervision.dashboard.auth-server-url=" + signIn.url());
        }
        return ServiceLauncher.builder(service.application, service.name).run(args.toArray(String[]::new));
    }

    private void startAuthServer() {
        seedSigningKey(signIn.dataDir().resolve("auth").resolve("jwks.json"));
        String dashboard = url(Service.AUDIT) + "/dashboard/";
        authServer = AuthServerApplication.builder()
                .run(
                        "--server.port=" + signIn.url().substring(signIn.url().lastIndexOf(':') + 1),
                        "--sanjiaodi.data-dir=" + signIn.dataDir(),
                        "--sanjiaodi.security.issuer=" + ISSUER,
                        "--sanjiaodi.auth.demo-password=" + signIn.demoPassword(),
                        "--sanjiaodi.auth.dashboard.redirect-uris=" + dashboard + "callback.html",
                        "--sanjiaodi.auth.dashboard.post-logout-redirect-uris=" + dashboard);
    }

    /**
     * The auth server reuses a key it finds in its data directory; given the tests' key, the tokens
     * it issues in the browser and those the tests sign themselves are checked by the same public key.
     */
    private static void seedSigningKey(Path jwks) {
        try {
            Files.createDirectories(
                    jwks.getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(jwks, TestTokens.jwkSetJson());
            Files.setPosixFilePermissions(jwks, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop(Service service) {
        ConfigurableApplicationContext context = contexts.remove(service);
        if (context != null) {
            context.close();
        }
    }

    void restart(Service service) {
        stop(service);
        start(service);
    }

    String url(Service service) {
        return urlOf(contexts.get(service));
    }

    SignIn signIn() {
        return signIn;
    }

    @Override
    public void close() {
        extra.forEach(ConfigurableApplicationContext::close);
        for (Service service : Service.values()) {
            stop(service);
        }
        if (authServer != null) {
            authServer.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
