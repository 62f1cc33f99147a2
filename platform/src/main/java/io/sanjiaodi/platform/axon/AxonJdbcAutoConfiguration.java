package io.sanjiaodi.platform.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keeps the service's Axon event store and tracking tokens in its own PostgreSQL schema through
 * Axon's JDBC engine. Every bean is declared here rather than left to Axon's or Boot's
 * auto-configuration: when those run in the wrong order the service starts silently without an
 * event store (a plain event bus) and with a no-op transaction manager.
 * <p>
 * One transaction covers a command: Axon's unit of work runs in a Spring transaction on the
 * {@link DataSource}, the events are inserted at its end and committed with it, and a tracking
 * processor's batch and its token are committed together.
 */
@AutoConfiguration(
        after = DataSourceAutoConfiguration.class,
        before = {
            AxonAutoConfiguration.class,
            JdbcAutoConfiguration.class,
            TransactionAutoConfiguration.class,
            NoOpTransactionAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class
        })
@EnableConfigurationProperties(EventStoreProperties.class)
public class AxonJdbcAutoConfiguration {

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** The connection of the running transaction, so the engine's statements are part of it. */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return PostgresEventStore.connectionProvider(dataSource);
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            DataSource dataSource,
            ConnectionProvider connectionProvider,
            TransactionManager axonTransactionManager,
            EventStoreProperties properties,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer serializer) {
        PostgresEventStore.createSchema(dataSource, properties);
        return PostgresEventStore.engine(
                connectionProvider, axonTransactionManager, eventSerializer, serializer, properties);
    }

    /** Defined here rather than left to Axon so that it exists whatever order auto-configurations run in. */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .build();
    }

    /**
     * Used by every aggregate ({@code @Aggregate(cache = "aggregateCache")}); ids are unique across a
     * service's aggregate types. An entry is checked against the store's last sequence before use,
     * since another instance may have changed the aggregate.
     */
    @Bean
    org.axonframework.common.caching.Cache aggregateCache(
            @Value("${sanjiaodi.aggregate-cache-size:20000}") int maxEntries,
            DataSource dataSource,
            EventStoreProperties properties) {
        return PostgresEventStore.aggregateCache(dataSource, properties, maxEntries);
    }

    /** After the engine, which creates the token table with the others. */
    @Bean
    @DependsOn("eventStorageEngine")
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer) {
        return PostgresEventStore.tokenStore(connectionProvider, serializer);
    }
}
