package io.sanjiaodi.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the service's Axon event store and tracking tokens in the service's own MongoDB
 * database. Configured explicitly because the Axon Mongo Spring Boot starter is not usable
 * with Axon 4.13 (see the skeleton issue).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
public class AxonMongoAutoConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties mongo) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, mongo.getMongoClientDatabase())
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
        // The unique (aggregate id, sequence) index is what turns a concurrent append into a
        // conflict instead of a fork of the aggregate's history.
        engine.ensureIndexes();
        return engine;
    }

    /** Defined here rather than left to Axon so that it exists whatever order auto-configurations run in. */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .build();
    }

    /** Used by every aggregate ({@code @Aggregate(cache = "aggregateCache")}); ids are unique across a service's aggregate types. */
    @Bean
    org.axonframework.common.caching.Cache aggregateCache(
            @org.springframework.beans.factory.annotation.Value("${sanjiaodi.aggregate-cache-size:20000}") int maxEntries) {
        return new BoundedAggregateCache(maxEntries);
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
