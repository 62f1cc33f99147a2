package io.sanjiaodi.systemtest;

import io.sanjiaodi.audit.AuditServiceApplication;
import io.sanjiaodi.interview.InterviewServiceApplication;
import io.sanjiaodi.platform.ServiceLauncher;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.rectification.RectificationServiceApplication;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services started in this JVM, each with its own Spring context and its own database,
 * against the given Kafka broker and MongoDB-wire server. Services can be stopped and started
 * again independently, the way an operator restarts one of them.
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

    private final String kafkaBootstrap;
    private final String mongoUri;
    private final String databasePrefix;
    private final Map<Service, ConfigurableApplicationContext> contexts = new EnumMap<>(Service.class);
    private final List<ConfigurableApplicationContext> extra = new ArrayList<>();

    RunningSystem(String kafkaBootstrap, String mongoUri, String databasePrefix) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.databasePrefix = databasePrefix;
    }

    RunningSystem startAll() {
        for (Service service : Service.values()) {
            start(service);
        }
        return this;
    }

    void start(Service service) {
        contexts.put(service, launch(service));
    }

    /** Another instance of a service on the same database and broker, as when it is scaled out. */
    String startSecondInstance(Service service) {
        ConfigurableApplicationContext context = launch(service);
        extra.add(context);
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private ConfigurableApplicationContext launch(Service service) {
        return ServiceLauncher.builder(service.application, service.name).run(
                "--server.port=0",
                // the tests sweep deadlines on demand (POST /api/deadline-sweeps), not on a timer
                "--rectification.sweeper.enabled=false",
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrap,
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.data.mongodb.database=" + databasePrefix + service.name.replace("-service", ""),
                // the services trust the tests' token key instead of the auth server's JWKS
                TestTokens.publicKeyArgument());
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
        return "http://localhost:" + contexts.get(service).getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        extra.forEach(ConfigurableApplicationContext::close);
        for (Service service : Service.values()) {
            stop(service);
        }
    }
}
