package io.sanjiaodi.interview.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.sanjiaodi.interview.command.interview.InterviewCommands.RemoveRiskItem;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.command.template.TemplateCommands.RemoveTemplateItem;
import io.sanjiaodi.platform.security.MockJwts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every id in a path or a query parameter is a plain token (letters, digits, {@code _}, {@code -},
 * at most 64): anything else is a 400 VALIDATION_FAILED naming the parameter, before any command
 * or query runs; a well-formed id reaches the command or query as it was sent.
 */
@ImportAutoConfiguration({
    SpringDocConfiguration.class,
    SpringDocConfigProperties.class,
    SpringDocWebMvcConfiguration.class
})
class IdsInTheUrlTest extends InterviewWebSlice {

    /** Characters that mean something to MongoDB, and one character too many. */
    static final String OPERATOR = "iv.1$where";

    static final String OVERLONG = "a".repeat(65);

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void noRefusals() {
        when(commands.sendAndWait(any())).thenReturn(Optional.empty());
    }

    @Test
    void aMalformedInterviewIdIsAFieldErrorOnEveryInterviewEndpoint() throws Exception {
        for (String bad : new String[] {OPERATOR, OVERLONG}) {
            refused(get("/api/interviews/{id}", bad), "office", "interviewId");
            refused(get("/api/interviews/{id}/history", bad), "office", "interviewId");
            refused(json(post("/api/interviews/{id}/cancel", bad), "{\"reason\": \"x\"}"), "office", "interviewId");
            refused(
                    json(post("/api/interviews/{id}/reschedule", bad), "{\"plannedDate\": \"2018-11-20\"}"),
                    "office",
                    "interviewId");
            refused(
                    json(
                            post("/api/interviews/{id}/entrustment", bad),
                            "{\"secretaryId\": \"nb-secretary\", \"deputyId\": \"nb-deputy-1\", \"entrustedOn\": \"2018-11-01\"}"),
                    "office",
                    "interviewId");
            refused(
                    json(
                            post("/api/interviews/{id}/risks", bad),
                            "{\"businessArea\": \"a\", \"description\": \"d\", \"level\": \"LOW\"}"),
                    "office",
                    "interviewId");
            refused(delete("/api/interviews/{id}/problems/p-1", bad), "office", "interviewId");
        }
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMalformedItemIdIsAFieldError() throws Exception {
        refused(delete("/api/interviews/iv-1/risks/{item}", OPERATOR), "office", "itemId");
        refused(
                json(put("/api/interviews/iv-1/responsibilities/{item}", OVERLONG), "{\"text\": \"t\"}"),
                "office",
                "itemId");
        refused(delete("/api/templates/tpl-1/items/{item}", OPERATOR), "admin", "itemId");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMalformedTemplateOrPersonIdIsAFieldError() throws Exception {
        refused(get("/api/templates/{id}", OPERATOR), "admin", "templateId");
        refused(post("/api/templates/{id}/publish", OVERLONG), "admin", "templateId");
        refused(get("/api/people/{id}", OPERATOR), "admin", "personId");
        refused(
                json(
                        put("/api/people/{id}", OVERLONG),
                        "{\"name\": \"n\", \"post\": \"p\", \"role\": \"CITY_SECRETARY\", \"jurisdictionId\": \"ningbo\"}"),
                "admin",
                "personId");
        refused(
                json(
                        put("/api/units/{id}", OVERLONG),
                        "{\"name\": \"n\", \"jurisdictionId\": \"ningbo\", \"leaderCadreLevel\": \"CITY_MANAGED\"}"),
                "admin",
                "unitId");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aMalformedJurisdictionOrUnitFilterIsAFieldError() throws Exception {
        refused(get("/api/interviews").param("jurisdictionId", OPERATOR), "office", "jurisdictionId");
        refused(get("/api/interviews").param("unitId", OVERLONG), "office", "unitId");
        refused(get("/api/interviews").param("unitId", ""), "office", "unitId");
        refused(get("/api/templates").param("jurisdictionId", "{\"$ne\": null}"), "admin", "jurisdictionId");
        verify(queries, never()).find(any(), any(), anyInt(), anyInt());
        verify(templates, never()).find(any(), any());
    }

    @Test
    void aWellFormedIdReachesTheCommandAsItWasSent() throws Exception {
        mvc.perform(delete("/api/interviews/iv-1_A/risks/k-1").with(MockJwts.as("office")))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new RemoveRiskItem(new InterviewId("iv-1_A"), "k-1"));
        mvc.perform(delete("/api/templates/tpl-1/items/t-1").with(MockJwts.as("admin")))
                .andExpect(status().isOk());
        verify(commands).sendAndWait(new RemoveTemplateItem("tpl-1", "t-1"));
        mvc.perform(get("/api/people/nb-secretary").with(MockJwts.as("admin"))).andExpect(status().isOk());
        verify(registry).find("nb-secretary");
        mvc.perform(get("/api/templates").param("jurisdictionId", "ningbo").with(MockJwts.as("admin")))
                .andExpect(status().isOk());
        verify(templates).find(null, "ningbo");
    }

    /** Clients and the request fuzzer read the format from the API document, as when each id had its @Pattern. */
    @Test
    void theApiDocumentGivesTheFormatOfEveryIdInTheUrl() throws Exception {
        String document = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> ids = JsonPath.read(document, "$.paths.*.*.parameters[?(@.name =~ /.*Id/)]");
        assertThat(ids)
                .extracting(p -> p.get("name"))
                .contains("interviewId", "itemId", "templateId", "personId", "jurisdictionId", "unitId");
        assertThat(ids)
                .allSatisfy(p -> assertThat(p.get("schema"))
                        .isEqualTo(Map.of("type", "string", "pattern", "^[A-Za-z0-9_-]{1,64}$")));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private void refused(MockHttpServletRequestBuilder request, String user, String field) throws Exception {
        RequestBuilder as = request.with(MockJwts.as(user));
        mvc.perform(as)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.fields." + field).isString());
    }
}
