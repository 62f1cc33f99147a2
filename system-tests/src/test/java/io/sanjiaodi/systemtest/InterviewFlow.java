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

    String schedule(String unitName) {
        Http.Response created = http.post(interviewUrl + "/api/interviews", """
                {"interviewee": {"name": "王某某", "position": "党委书记", "unitId": "unit-%1$s",
                                 "unitName": "%1$s", "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED",
                                 "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "市纪委谈话室",
                 "leadInterviewer": {"personId": "p-secretary", "name": "市纪委书记", "post": "市纪委书记"}}
                """.formatted(unitName));
        assertThat(created.status()).as("schedule: %s", created.body()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    void addItem(String interviewId, String list, String aspect, String text) {
        Http.Response added = http.post(interviewUrl + "/api/interviews/" + interviewId + "/items",
                "{\"list\": \"%s\", \"aspect\": \"%s\", \"text\": \"%s\"}".formatted(list, aspect, text));
        assertThat(added.status()).as("add item: %s", added.body()).isEqualTo(201);
    }

    void conduct(String interviewId) {
        Http.Response conducted = http.post(interviewUrl + "/api/interviews/" + interviewId + "/conduct",
                "{\"conductedOn\": \"2018-11-15\", \"place\": \"市纪委谈话室\"}");
        assertThat(conducted.status()).as("conduct: %s", conducted.body()).isEqualTo(202);
    }

    /** A complete minimal interview: one item on each list, then the talk. */
    String scheduleWithListsAndConduct(String unitName) {
        String id = schedule(unitName);
        addItem(id, "RESPONSIBILITY", "规定动作", "每年专题研究党风廉政建设不少于两次");
        addItem(id, "PROBLEM", "制度建设", "选人用人制度执行不严");
        addItem(id, "RISK", "工程建设", "拆分工程项目规避公开招标");
        conduct(id);
        return id;
    }
}
