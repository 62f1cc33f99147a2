package io.sanjiaodi.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the interview API as the supervision office would: schedule, prepare the lists, conduct. */
final class InterviewFlow {

    private final Http http;
    private final String interviewUrl;

    InterviewFlow(Http http, String interviewUrl) {
        this.http = http;
        this.interviewUrl = interviewUrl;
    }

    /** Schedules for a unit of its own, registered first by the administrator (as the registry demands). */
    Http.Response scheduleResponse(String unitName, String leadId) {
        register("u-%08x".formatted(unitName.hashCode()), unitName);
        return http.post(interviewUrl + "/api/interviews", scheduleBody(unitName, leadId));
    }

    /** The same, under an Idempotency-Key, at another instance's URL if given. */
    Http.Response scheduleResponse(String unitName, String key, String atUrl) {
        register("u-%08x".formatted(unitName.hashCode()), unitName);
        return http.post(atUrl + "/api/interviews", scheduleBody(unitName, "nb-secretary"), "Idempotency-Key", key);
    }

    private static String scheduleBody(String unitName, String leadId) {
        return """
                {"interviewee": {"name": "王某某", "position": "党委书记", "unitId": "u-%2$08x",
                                 "unitName": "%1$s", "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED",
                                 "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "%3$s"}
                """.formatted(unitName, unitName.hashCode(), leadId);
    }

    /** The administrator registers (or re-registers, unchanged) a city-managed unit of ningbo. */
    void register(String unitId, String unitName) {
        Http.Response registered = new Http().put(interviewUrl + "/api/units/" + unitId, """
                        {"name": "%s", "jurisdictionId": "ningbo", "leaderCadreLevel": "CITY_MANAGED"}""".formatted(unitName));
        assertThat(registered.status())
                .as("register %s: %s", unitId, registered.body())
                .isEqualTo(200);
    }

    String schedule(String unitName) {
        Http.Response created = scheduleResponse(unitName, "nb-secretary");
        assertThat(created.status()).as("schedule: %s", created.body()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    void add(String interviewId, String list, String json) {
        Http.Response added = http.post(interviewUrl + "/api/interviews/" + interviewId + "/" + list, json);
        assertThat(added.status()).as("add to %s: %s", list, added.body()).isEqualTo(201);
    }

    Http.Response conductResponse(String interviewId, String leadId) {
        return conductResponse(interviewId, leadId, false);
    }

    Http.Response conductResponse(String interviewId, String leadId, boolean confirmNoProblems) {
        return http.post(
                interviewUrl + "/api/interviews/" + interviewId + "/conduct", conductBody(leadId, confirmNoProblems));
    }

    /** The talk, sent within the caller's trace ({@code traceparent}, W3C Trace Context). */
    Http.Response conductTraced(String interviewId, String traceparent) {
        return http.post(
                interviewUrl + "/api/interviews/" + interviewId + "/conduct",
                conductBody("nb-secretary", false),
                "traceparent",
                traceparent);
    }

    private static String conductBody(String leadId, boolean confirmNoProblems) {
        return """
                {"conductedOn": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "%s",
                 "confirmNoProblems": %s,
                 "handedOverById": "nb-office-1-director", "recordSummary": "通报三张清单，提出整改要求",
                 "recordSignature": {"signedBy": "王某某", "signedAt": "2018-11-15T02:30:00Z"},
                 "commitmentSignature": {"signedBy": "王某某", "signedAt": "2018-11-15T02:31:00Z"}}
                """.formatted(leadId, confirmNoProblems);
    }

    /** A complete minimal interview: one item on each list, then the talk. */
    String scheduleWithListsAndConduct(String unitName) {
        String id = scheduleWithLists(unitName);
        Http.Response conducted = conductResponse(id, "nb-secretary");
        assertThat(conducted.status()).as("conduct: %s", conducted.body()).isEqualTo(200);
        return id;
    }

    /** Scheduled, with one item on each list. */
    String scheduleWithLists(String unitName) {
        String id = schedule(unitName);
        add(id, "responsibilities", "{\"kind\": \"CUSTOM\", \"text\": \"每年专题研究党风廉政建设不少于两次\"}");
        add(
                id,
                "problems",
                "{\"aspect\": \"制度建设\", \"description\": \"选人用人制度执行不严\", \"sourceChannel\": \"INSPECTION_TOUR\"}");
        add(id, "risks", "{\"businessArea\": \"工程建设\", \"description\": \"拆分工程项目规避公开招标\", \"level\": \"HIGH\"}");
        return id;
    }
}
