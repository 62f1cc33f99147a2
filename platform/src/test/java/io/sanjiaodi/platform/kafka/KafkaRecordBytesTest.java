package io.sanjiaodi.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/**
 * The Kafka record of a published event — every CloudEvents header in order and the value — is
 * byte for byte what the services published on Spring Boot 3.5: {@code golden/kafka-record-boot3.txt}
 * was written by this rendering run against the Boot 3.5.7 build (commit 2050fbc) with Boot's own
 * Jackson 2 mapper, before the move to Boot 4.
 */
class KafkaRecordBytesTest {

    @Test
    void aPublishedRecordHasTheHeadersAndValueItHadOnBoot3() throws IOException {
        var mapper = new CloudEventMapper(EventJson.mapper(), "/sanjiaodi/interview-service");
        var payload = new RiskItemAdded("iv-1", new RiskItem("item-1", "食堂", "食堂管理", "案例", "规范", RiskLevel.MEDIUM), 3);
        var message = new GenericDomainEventMessage<>("Interview", "iv-1", 2L, payload,
                MetaData.from(Map.of("correlationId", "cmd-9", "actor", "office", "actorRole", "SUPERVISION_OFFICE",
                        "actorUnit", "nb-office", "actorJurisdiction", "ningbo")), "evt-42",
                Instant.parse("2018-11-15T01:02:03Z"));

        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (var serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of(), false);
            value = serializer.serialize("interview.events", headers, mapper.toCloudEvent(message));
        }
        StringBuilder record = new StringBuilder();
        for (Header header : headers) {
            record.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8)).append('\n');
        }
        record.append("value=").append(new String(value, StandardCharsets.UTF_8)).append('\n');

        assertThat(record.toString()).isEqualTo(golden());
    }

    private static String golden() throws IOException {
        try (InputStream in = KafkaRecordBytesTest.class.getResourceAsStream("/golden/kafka-record-boot3.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
