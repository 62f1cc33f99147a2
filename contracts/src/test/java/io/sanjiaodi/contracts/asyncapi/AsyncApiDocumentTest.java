package io.sanjiaodi.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.EventFixtures;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document cannot drift from the contract: the committed copy is what the records
 * generate now. (The AsyncAPI parser and the fixtures' check against the schemas run under npm:
 * src/test/asyncapi/check.mjs, in this module's test phase.)
 */
class AsyncApiDocumentTest {

    private static final List<Class<?>> EVENTS = EventFixtures.publishedEvents().toList();

    @Test
    void theCommittedDocumentIsWhatTheContractRecordsGenerate() throws Exception {
        String generated = AsyncApiDocument.json(EVENTS);
        Path written = Path.of("target", "asyncapi", "sanjiaodi.asyncapi.json");
        AsyncApiDocument.write(written, EVENTS);
        String committed;
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream(AsyncApiDocument.RESOURCE)) {
            committed = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed)
                .as(
                        "the contract changed: cp contracts/%s contracts/src/main/resources%s",
                        written, AsyncApiDocument.RESOURCE)
                .isEqualTo(generated);
        assertThat(Files.readString(written)).isEqualTo(generated);
    }

    @Test
    void everyPublishedEventIsAMessageOfTheTopicItsServicePublishesTo() {
        JsonNode doc = AsyncApiDocument.build(EVENTS);
        assertThat(doc.at("/components/messages").size()).isEqualTo(EVENTS.size());
        assertThat(doc.at("/channels/interviewEvents/address").asText()).isEqualTo("interview.events");
        assertThat(doc.at("/channels/interviewEvents/messages").has("InterviewConducted"))
                .isTrue();
        assertThat(doc.at("/channels/interviewEvents/messages").has("UnitRegistered"))
                .isTrue();
        assertThat(doc.at("/channels/rectificationEvents/messages").has("RectificationOpened"))
                .isTrue();
        assertThat(doc.at("/channels/sanjiaodiSecurity/messages").has("AccessDenied"))
                .isTrue();
        assertThat(doc.at("/channels/interviewEvents/messages").has("RectificationOpened"))
                .isFalse();
    }

    @Test
    void aPayloadSchemaNamesExactlyTheRecordsComponentsAndRefersToNestedRecords() {
        JsonNode conducted = AsyncApiDocument.build(EVENTS).at("/components/schemas/InterviewConducted");
        assertThat(conducted.get("additionalProperties").asBoolean()).isFalse();
        assertThat(conducted.get("required")).hasSize(12);
        assertThat(conducted.at("/properties/listsHashVersion/type").asText()).isEqualTo("integer");
        assertThat(conducted.at("/properties/conductedOn/format").asText()).isEqualTo("date");
        assertThat(conducted.at("/properties/lists/oneOf/0/$ref").asText())
                .isEqualTo("#/components/schemas/InterviewConductedFrozenLists");
    }

    @Test
    void theDocumentIsJsonAnAsyncApi3ToolReads() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(AsyncApiDocument.json(EVENTS));
        assertThat(doc.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/operations/publishInterviewEvents/action").asText()).isEqualTo("send");
    }
}
