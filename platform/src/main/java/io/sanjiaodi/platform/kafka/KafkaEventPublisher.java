package io.sanjiaodi.platform.kafka;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.security.AccessDenied;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay: a streaming processor reads the service's own event store and publishes each
 * event to the service's topic. The processor's token is stored in MongoDB only after the broker
 * acknowledged the send (acks=all), so a crash re-sends rather than skips; consumers deduplicate
 * by the CloudEvents id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private final KafkaTemplate<String, CloudEvent> template;
    private final CloudEventMapper mapper;
    private final String topic;

    public KafkaEventPublisher(KafkaTemplate<String, CloudEvent> template, CloudEventMapper mapper, String topic) {
        this.template = template;
        this.mapper = mapper;
        this.topic = topic;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) throws Exception {
        CloudEvent cloudEvent = mapper.toCloudEvent(event);
        // Waiting here keeps the token behind the broker's acknowledgement; an exception makes
        // the processor retry the same event with back-off instead of moving on.
        template.send(new ProducerRecord<>(topicFor(payload), CloudEventMapper.recordKey(cloudEvent), cloudEvent))
                .get(30, TimeUnit.SECONDS);
    }

    /** Security audit events (refused requests) of every service share one topic; the rest go to the service's own. */
    private String topicFor(Object payload) {
        return payload instanceof AccessDenied ? Topics.SECURITY_EVENTS : topic;
    }
}
