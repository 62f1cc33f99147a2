package io.sanjiaodi.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.rectification.TaskVerified;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.supervision.projection.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** What a change pushes to /api/supervision/stream: its type and ids, never its payload. */
class LiveStreamTest extends WebLayerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LiveUpdates live;

    @Test
    void aSubscriberIsToldAtOnceThatTheStreamIsOpenAndThenEveryChangeByTypeAndIds() throws Exception {
        MockHttpServletResponse office = subscribe(CITY_OFFICE);
        MockHttpServletResponse auditor = subscribe(MockJwts.as("auditor"));
        assertThat(office.getContentType()).startsWith("text/event-stream");
        assertThat(office.getContentAsString()).isEqualTo(":connected\n\n");

        live.changed(verified("event-1", "ledger-yy-hospital", 4));
        live.changed(new RecordedEvent(
                "event-2", "InterviewConducted", "iv-9", 7, Instant.parse("2019-03-25T09:00:00Z"), null));

        for (MockHttpServletResponse stream : List.of(office, auditor)) {
            List<String> events = events(stream);
            assertThat(events).hasSize(3);
            assertThat(events.get(0)).isEqualTo(":connected");
            assertThat(name(events.get(1))).isEqualTo("changed");
            assertThat(data(events.get(1)))
                    .isEqualTo(
                            JSON.readTree(
                                    "{\"type\":\"TaskVerified\",\"aggregateId\":\"ledger-yy-hospital\",\"eventId\":\"event-1\"}"));
            assertThat(data(events.get(2)))
                    .isEqualTo(JSON.readTree(
                            "{\"type\":\"InterviewConducted\",\"aggregateId\":\"iv-9\",\"eventId\":\"event-2\"}"));
        }
        assertThat(office.getContentAsString()).doesNotContain("verifiedOn", "整改");
    }

    @Test
    void aClosedStreamIsLeftOutAndTheOthersStillGetTheChange() throws Exception {
        MockHttpServletResponse open = subscribe(CITY_OFFICE);
        live.destroy();
        MockHttpServletResponse later = subscribe(CITY_OFFICE);

        live.changed(verified("event-3", "ledger-nb-transport", 5));

        assertThat(events(open)).containsExactly(":connected");
        assertThat(events(later)).hasSize(2);
        assertThat(data(events(later).get(1)).get("eventId").asText()).isEqualTo("event-3");
    }

    @Test
    void onlyTheCommissionAndAuditorsMayFollowTheStream() throws Exception {
        for (var reader : List.of(UNIT_LEADER, STATIONED, MockJwts.as("admin"))) {
            mvc.perform(get("/api/supervision/stream").with(reader)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/supervision/stream")).andExpect(status().isUnauthorized());
        subscribe(MockJwts.as("leader"));
    }

    @Test
    void aDistrictOfficeHearsOnlyOfChangesInItsOwnDistrict() throws Exception {
        MockHttpServletResponse fenghua = subscribe(FENGHUA_OFFICE);
        MockHttpServletResponse city = subscribe(CITY_OFFICE);

        live.changed(verified("event-f", "ledger-fh-school", 3));
        live.changed(verified("event-y", "ledger-yy-hospital", 3));
        live.changed(verified("event-n", "ledger-nb-transport", 3));
        live.changed(new RecordedEvent(
                "event-t", "TemplateCreated", "tpl-2019", 1, Instant.parse("2019-03-25T09:00:00Z"), null));

        assertThat(events(fenghua).stream()
                        .skip(1)
                        .map(e -> data(e).get("eventId").asText()))
                .containsExactly("event-f");
        assertThat(events(city).stream().skip(1).map(e -> data(e).get("eventId").asText()))
                .containsExactly("event-f", "event-y", "event-n", "event-t");
    }

    @Test
    void theCommissionTradesItsTokenForASingleUseTicketTheStreamUrlCanCarry() throws Exception {
        String answer = mvc.perform(post("/api/supervision/stream-tickets").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode ticket = JSON.readTree(answer);
        assertThat(ticket.get("ticket").asText()).hasSize(43);
        assertThat(ticket.get("expiresAt").asText()).isNotBlank();
        assertThat(answer).doesNotContain("token");

        for (var reader : List.of(UNIT_LEADER, STATIONED, MockJwts.as("admin"))) {
            mvc.perform(post("/api/supervision/stream-tickets").with(reader)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/supervision/stream-tickets")).andExpect(status().isUnauthorized());
    }

    private MockHttpServletResponse subscribe(org.springframework.test.web.servlet.request.RequestPostProcessor reader)
            throws Exception {
        MvcResult result = mvc.perform(get("/api/supervision/stream").with(reader))
                .andExpect(request().asyncStarted())
                .andReturn();
        return result.getResponse();
    }

    private static RecordedEvent verified(String eventId, String ledgerId, long sequence) {
        return new RecordedEvent(
                eventId,
                "TaskVerified",
                ledgerId,
                sequence,
                Instant.parse("2019-03-25T08:00:00Z"),
                new TaskVerified(
                        ledgerId,
                        "task-1",
                        "yy-hospital",
                        "yuyao",
                        LocalDate.of(2019, 3, 25),
                        "整改到位",
                        "SUPERVISION_OFFICE"));
    }

    private static List<String> events(MockHttpServletResponse stream) throws Exception {
        return Arrays.stream(stream.getContentAsString().split("\n\n"))
                .filter(e -> !e.isEmpty())
                .toList();
    }

    private static String name(String event) {
        return field(event, "event:");
    }

    private static JsonNode data(String event) {
        try {
            return JSON.readTree(field(event, "data:"));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + event, e);
        }
    }

    private static String field(String event, String prefix) {
        return Arrays.stream(event.split("\n"))
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + " in " + event));
    }
}
