package io.sanjiaodi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import io.sanjiaodi.platform.json.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class CloudEventMapperTest {

    /** With the mapper the services publish with, not a look-alike. */
    private final CloudEventMapper mapper = new CloudEventMapper(EventJson.mapper(), "/sanjiaodi/interview-service");

    private final RiskItemAdded payload =
            new RiskItemAdded("iv-1", new RiskItem("item-1", "食堂", "食堂管理", "案例", "规范", RiskLevel.MEDIUM), 3);
    private final GenericDomainEventMessage<RiskItemAdded> message = new GenericDomainEventMessage<>(
            "Interview",
            "iv-1",
            2L,
            payload,
            MetaData.from(Map.of("correlationId", "cmd-9")),
            "evt-42",
            Instant.parse("2018-11-15T01:02:03Z"));

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
        assertThat(mapper.payload(mapper.toCloudEvent(message), RiskItemAdded.class))
                .isEqualTo(payload);
    }

    @Test
    void aPayloadOfTheWrongShapeIsAClearError() {
        assertThatThrownBy(() -> mapper.payload(mapper.toCloudEvent(message), Integer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evt-42");
    }

    @Test
    void theActorOfTheCommandTravelsAsExtensionsAndIsLeftOutWhenThereIsNone() {
        CloudEvent event = mapper.toCloudEvent(message.andMetaData(Map.of(
                "actor",
                "unit-leader",
                "actorRole",
                "UNIT_LEADER",
                "actorUnit",
                "nb-transport",
                "actorJurisdiction",
                "ningbo")));
        assertThat(event.getExtension("actor")).isEqualTo("unit-leader");
        assertThat(event.getExtension("actorrole")).isEqualTo("UNIT_LEADER");
        assertThat(event.getExtension("actorunit")).isEqualTo("nb-transport");
        assertThat(event.getExtension("actorjurisdiction")).isEqualTo("ningbo");
        assertThat(mapper.toCloudEvent(message).getExtensionNames()).doesNotContain("actor", "actorrole");
    }

    @Test
    void anEventWithoutAggregateIsKeyedByItsOwnId() {
        var denied = new GenericEventMessage<>(
                new io.sanjiaodi.contracts.security.AccessDenied(
                        "audit-service",
                        "GET",
                        "/api/audit/events",
                        403,
                        "ACCESS_DENIED",
                        "unit-staff",
                        "UNIT_STAFF",
                        "nb-transport",
                        "ningbo",
                        1,
                        null),
                MetaData.emptyInstance());
        CloudEvent event = mapper.toCloudEvent(EventUtils.asDomainEventMessage(denied));
        assertThat(event.getType()).isEqualTo("AccessDenied");
        assertThat(event.getExtension("aggregatetype")).isNull();
        assertThat(CloudEventMapper.recordKey(event)).isEqualTo(denied.getIdentifier());
    }

    /**
     * The Kafka record of a published event, every CloudEvents header in order and the value, is
     * byte for byte what the services published on Spring Boot 3.5: {@code golden/kafka-record-boot3.txt}
     * was rendered this way on the Boot 3.5.7 build (commit 2050fbc, Boot's own Jackson 2 mapper).
     */
    @Test
    void aPublishedRecordHasTheHeadersAndValueItHadOnBoot3() throws IOException {
        CloudEvent event = mapper.toCloudEvent(message.andMetaData(Map.of(
                "actor",
                "office",
                "actorRole",
                "SUPERVISION_OFFICE",
                "actorUnit",
                "nb-office",
                "actorJurisdiction",
                "ningbo")));
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (var serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            value = serializer.serialize("interview.events", headers, event);
        }
        StringBuilder record = new StringBuilder();
        for (Header header : headers) {
            record.append(header.key())
                    .append('=')
                    .append(new String(header.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        record.append("value=")
                .append(new String(value, StandardCharsets.UTF_8))
                .append('\n');

        try (InputStream in = CloudEventMapperTest.class.getResourceAsStream("/golden/kafka-record-boot3.txt")) {
            assertThat(record.toString()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theRequestsTraceContextTravelsAsTheTraceparentExtensionAndHeaderAndAMalformedOneNot() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        CloudEvent traced = mapper.toCloudEvent(message.andMetaData(Map.of("traceparent", traceparent)));
        assertThat(traced.getExtension("traceparent")).isEqualTo(traceparent);
        var record = CloudEventMapper.withTraceHeader(
                new org.apache.kafka.clients.producer.ProducerRecord<>("interview.events", "iv-1", traced));
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .isEqualTo(traceparent);

        CloudEvent malformed = mapper.toCloudEvent(message.andMetaData(Map.of("traceparent", "00-nonsense")));
        assertThat(malformed.getExtension("traceparent")).isNull();
        assertThat(CloudEventMapper.withTraceHeader(new org.apache.kafka.clients.producer.ProducerRecord<>(
                                "interview.events", "iv-1", malformed))
                        .headers()
                        .lastHeader("traceparent"))
                .isNull();
    }
}
