package io.sanjiaodi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CloudEventMapperTest {

    private final CloudEventMapper mapper = new CloudEventMapper(
            new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
            "/sanjiaodi/interview-service");

    private final RiskItemAdded payload = new RiskItemAdded("iv-1",
            new RiskItem("item-1", "食堂", "食堂管理", "案例", "规范", RiskLevel.MEDIUM), 3);
    private final GenericDomainEventMessage<RiskItemAdded> message = new GenericDomainEventMessage<>("Interview", "iv-1",
            2L, payload, MetaData.from(Map.of("correlationId", "cmd-9")), "evt-42", Instant.parse("2018-11-15T01:02:03Z"));

    @Test
    void theEnvelopeCarriesIdentityOrderAndCausation() {
        CloudEvent event = mapper.toCloudEvent(message);
        assertThat(event.getId()).isEqualTo("evt-42");
        assertThat(event.getType()).isEqualTo("RiskItemAdded");
        assertThat(event.getSource()).hasToString("/sanjiaodi/interview-service");
        assertThat(event.getSubject()).isEqualTo("iv-1");
        assertThat(event.getTime()).hasToString("2018-11-15T01:02:03Z");
        assertThat(event.getExtension("aggregatesequence")).isEqualTo("2");
        assertThat(event.getExtension("aggregatetype")).isEqualTo("Interview");
        assertThat(event.getExtension("correlationid")).isEqualTo("cmd-9");
        assertThat(event.getExtension("eventrevision")).isEqualTo("1");
        assertThat(CloudEventMapper.recordKey(event)).isEqualTo("iv-1");
    }

    @Test
    void thePayloadReadsBackIntoTheEvent() {
        assertThat(mapper.payload(mapper.toCloudEvent(message), RiskItemAdded.class)).isEqualTo(payload);
    }

    @Test
    void aPayloadOfTheWrongShapeIsAClearError() {
        assertThatThrownBy(() -> mapper.payload(mapper.toCloudEvent(message), Integer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evt-42");
    }
}
