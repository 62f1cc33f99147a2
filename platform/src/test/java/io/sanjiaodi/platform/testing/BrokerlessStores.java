package io.sanjiaodi.platform.testing;

import io.sanjiaodi.devstack.DevPostgres;
import io.sanjiaodi.platform.security.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The stores of a platform service started in a test without a broker: the given Mongo-wire server,
 * the shared PostgreSQL, the test tokens' key, and a Kafka address nothing listens on (the broker is
 * down for the whole test, which a service must survive).
 */
public final class BrokerlessStores {

    private BrokerlessStores() {}

    public static void register(DynamicPropertyRegistry registry, String mongoUri) throws IOException {
        registry.add("spring.mongodb.uri", () -> mongoUri);
        registry.add("spring.datasource.url", () -> DevPostgres.shared().jdbcUrl());
        registry.add(TestTokens.PUBLIC_KEY_PROPERTY, TestTokens::publicKeyLocation);
        try (ServerSocket free = new ServerSocket(0)) {
            registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + free.getLocalPort());
        }
    }
}
