package io.sanjiaodi.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Enters the five scenarios of the source report (docs/domain.md §5) through the interview API, as an
 * interviewer would: template, schedule (with an entrusted deputy for the transport bureau), the
 * three lists, the talk. Loads nothing when interviews exist already, so a second run adds nothing.
 *
 * <pre>java -cp ... io.sanjiaodi.devstack.DemoData http://localhost:8081</pre>
 */
public final class DemoData {

    private final Api api;

    public DemoData(String interviewServiceUrl) {
        this.api = new Api(interviewServiceUrl);
    }

    /** With tokens from {@code signer} (the tests sign with their own key). */
    public DemoData(String interviewServiceUrl, DemoUsers.Signer signer) {
        this.api = new Api(interviewServiceUrl, signer);
    }

    /** Against several instances of interview-service: {@code instances} names the one for each request. */
    public DemoData(Supplier<String> instances, DemoUsers.Signer signer) {
        this.api = new Api(instances, signer);
    }

    /** {@code DemoData <interview-service url> [<rectification-service url>]}: the second adds the follow-through. */
    public static void main(String[] args) {
        DevTokens tokens = DevTokens.fromDataDir();
        DemoData demo = new DemoData(args.length > 0 ? args[0] : "http://localhost:8081", tokens);
        List<String> loaded = demo.loadIfEmpty();
        System.out.println(
                loaded.isEmpty()
                        ? "[demo] interviews exist already; nothing loaded"
                        : "[demo] loaded " + loaded.size() + " interviews of the five source scenarios");
        if (!loaded.isEmpty() && args.length > 1) {
            new DemoFollowThrough(args[1], tokens).run(loaded);
            System.out.println(
                    "[demo] plans, regulations, verifications, reports and a case entered for the five ledgers");
        }
    }

    /** @return the ids of the interviews entered, empty when there were interviews already */
    public List<String> loadIfEmpty() {
        if (api.get("/api/interviews?size=1").size() > 0) {
            return List.of();
        }
        String template = publishedTemplate(2018, "ningbo", "2018年度宁波市主体责任规定动作", Scenarios.CITY_REQUIRED_ACTIONS);
        String countyTemplate = publishedTemplate(2019, "yuyao", "2019年度余姚市主体责任规定动作", Scenarios.CITY_REQUIRED_ACTIONS);
        List<String> ids = new ArrayList<>();
        for (Scenarios.Scenario s : Scenarios.ALL) {
            ids.add(enter(s, s.interviewee().get("jurisdictionId").equals("yuyao") ? countyTemplate : template));
        }
        return ids;
    }

    private String publishedTemplate(int year, String jurisdictionId, String title, List<String> items) {
        String id = api.post("/api/templates", Map.of("year", year, "jurisdictionId", jurisdictionId, "title", title))
                .get("id")
                .asText();
        items.forEach(text -> api.post("/api/templates/" + id + "/items", Map.of("text", text)));
        api.post("/api/templates/" + id + "/publish", Map.of());
        return id;
    }

    private String enter(Scenarios.Scenario s, String templateId) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("interviewee", s.interviewee());
        schedule.put("plannedDate", s.talkDate());
        schedule.put("place", s.place());
        schedule.put("leadInterviewerId", s.leadId());
        if (s.entrustedById() != null) {
            schedule.put("entrustedById", s.entrustedById());
            schedule.put("entrustedOn", s.talkDate());
        }
        String id = api.post("/api/interviews", schedule).get("id").asText();
        api.post("/api/interviews/" + id + "/responsibilities/from-template", Map.of("templateId", templateId));
        s.customDuties()
                .forEach(text -> api.post(
                        "/api/interviews/" + id + "/responsibilities", Map.of("kind", "CUSTOM", "text", text)));
        s.problems().forEach(p -> api.post("/api/interviews/" + id + "/problems", p));
        s.risks().forEach(r -> api.post("/api/interviews/" + id + "/risks", r));
        api.post(
                "/api/interviews/" + id + "/conduct",
                Map.of(
                        "conductedOn",
                        s.talkDate(),
                        "place",
                        s.place(),
                        "leadInterviewerId",
                        s.leadId(),
                        "handedOverById",
                        s.handedOverById(),
                        "recordSummary",
                        s.recordSummary(),
                        "recordSignature",
                        Map.of("signedBy", s.interviewee().get("name"), "signedAt", s.talkDate() + "T02:30:00Z"),
                        "commitmentSignature",
                        Map.of("signedBy", s.interviewee().get("name"), "signedAt", s.talkDate() + "T02:35:00Z"),
                        "confirmNoProblems",
                        s.problems().isEmpty()));
        return id;
    }
}
