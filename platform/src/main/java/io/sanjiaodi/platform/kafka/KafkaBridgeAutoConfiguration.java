package io.sanjiaodi.platform.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanjiaodi.platform.PlatformProperties;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.axon.PostgresEventStore;
import io.sanjiaodi.platform.kafka.deadletter.DeadLetters;
import io.sanjiaodi.platform.kafka.deadletter.OutboxDeadLetters;
import io.sanjiaodi.platform.statements.EventStoreStream;
import io.sanjiaodi.platform.statements.ProducerPositions;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/** CloudEvents over Kafka: topics, the outbox relay, consumer containers and the broker health. */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({PlatformProperties.class, KafkaProperties.class})
public class KafkaBridgeAutoConfiguration {

    /**
     * The event topics keep every event forever: they are the history the supervision models are
     * rebuilt from (the verifiable copy is the audit trail).
     */
    @Bean
    KafkaAdmin.NewTopics sanjiaodiTopics(PlatformProperties props, KafkaAdmin admin) {
        admin.setModifyTopicConfigs(true);
        return new KafkaAdmin.NewTopics(props.topics().stream()
                .map(name -> TopicBuilder.name(name)
                        .partitions(props.partitions())
                        .replicas(props.replicas())
                        .config("retention.ms", "-1")
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    CloudEventMapper cloudEventMapper(ObjectMapper objectMapper, PlatformProperties props) {
        return new CloudEventMapper(objectMapper, props.cloudEventSource());
    }

    @Bean
    ProducerFactory<String, CloudEvent> cloudEventProducerFactory(
            KafkaProperties kafka, PlatformProperties props, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, props.serviceName() + "-publisher");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        var factory = new DefaultKafkaProducerFactory<String, CloudEvent>(config);
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return factory;
    }

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate(ProducerFactory<String, CloudEvent> factory) {
        return new KafkaTemplate<>(factory);
    }

    @Bean
    @ConditionalOnProperty("sanjiaodi.publish-topic")
    KafkaEventPublisher kafkaEventPublisher(
            KafkaTemplate<String, CloudEvent> template,
            CloudEventMapper mapper,
            PlatformProperties props,
            ObjectProvider<DataSource> dataSource) {
        // producerseq is the event's rank in the event store; without a store (tests) there is none
        DataSource store = dataSource.getIfAvailable();
        return new KafkaEventPublisher(
                template,
                mapper,
                props.publishTopic(),
                store == null ? null : new ProducerPositions(new EventStoreStream(store)));
    }

    /**
     * The outbox relay's sequenced dead-letter queue, in the event store's database: an event the
     * broker will never take (too large for the topic, say) is set aside with the later events of
     * its aggregate, and every other aggregate's events keep flowing. Outages are not dead-lettered
     * ({@link OutboxEnqueuePolicy}). No sequence-id cache: with two instances the segment can move to
     * an instance whose cache predates the other's letter, and would publish past it.
     */
    @Bean
    @ConditionalOnProperty("sanjiaodi.publish-topic")
    ConfigurerModule outboxDeadLetterQueue(ConnectionProvider connections, TransactionManager axonTransactionManager) {
        String group = KafkaEventPublisher.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDeadLetterQueue(
                        group,
                        c -> PostgresEventStore.deadLetterQueue(
                                group, connections, axonTransactionManager, c.serializer(), c.eventSerializer()))
                .registerDeadLetterPolicy(group, c -> new OutboxEnqueuePolicy()));
    }

    @Bean
    @ConditionalOnProperty("sanjiaodi.publish-topic")
    OutboxDeadLetters outboxDeadLetters(org.axonframework.config.Configuration axon, PlatformProperties props) {
        return new OutboxDeadLetters(axon, KafkaEventPublisher.PROCESSING_GROUP, props.publishTopic());
    }

    /**
     * An event handler that fails must stop its processor and retry, never log and skip: the
     * default Axon error handler would silently drop the event from the publisher or a projection.
     */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    @Bean
    ConsumerFactory<String, CloudEvent> cloudEventConsumerFactory(
            KafkaProperties kafka, PlatformProperties props, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, props.serviceName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // A record that is not a CloudEvent at all must reach the dead-letter queue, not stall the partition.
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class);
        var factory = new DefaultKafkaConsumerFactory<String, CloudEvent>(config);
        // kafka.consumer.fetch.manager.records.lag.max and friends: the consumer lag on /actuator/prometheus
        meters.ifAvailable(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }

    /**
     * Offsets are committed only after the listener returned. An event that cannot be handled
     * (malformed, or refused by the rules) goes to the dead-letter queue at once; another failure
     * after about 20 s of retries. An unreachable database or broker is retried for as long as it
     * takes: an outage must never turn good events into dead letters. If even parking fails, the
     * record is retried. Nothing is skipped.
     */
    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> kafkaListenerContainerFactory(
            ConsumerFactory<String, CloudEvent> consumerFactory, DeadLetters deadLetters) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(consumerFactory);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        ExponentialBackOffWithMaxRetries limited = new ExponentialBackOffWithMaxRetries(8);
        limited.setInitialInterval(200);
        limited.setMultiplier(2.0);
        limited.setMaxInterval(5_000);
        ExponentialBackOff unlimited = new ExponentialBackOff(500, 2.0);
        unlimited.setMaxInterval(10_000);
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(deadLetters, limited);
        errorHandler.setBackOffFunction((record, e) -> InfrastructureFailures.isOutage(e) ? unlimited : null);
        errorHandler.addNotRetryableExceptions(IllegalArgumentException.class, ClassCastException.class, Refusal.class);
        factory.setCommonErrorHandler(errorHandler);
        factory.setRecordInterceptor((RecordInterceptor) deadLetters);
        // each record is handled in a span continuing the producer's traceparent header, so the
        // commands a consumer sends (a ledger opened) and their events stay in the request's trace
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }
}
