package io.sanjiaodi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the units and supervisors did after the five talks, entered through the rectification
 * API so that the demo dashboard shows every state: scenario 1 closed with 34 regulations,
 * scenario 2 cascaded to subordinate units with 19 regulations, scenario 3 half verified with a
 * stage evaluation, scenario 4 overdue with an accountability case, scenario 5 due soon.
 */
public final class DemoFollowThrough {

    private final Api api;

    public DemoFollowThrough(String rectificationServiceUrl) {
        this.api = new Api(rectificationServiceUrl);
    }

    /** With tokens from {@code signer} (the tests sign with their own key). */
    public DemoFollowThrough(String rectificationServiceUrl, DemoUsers.Signer signer) {
        this.api = new Api(rectificationServiceUrl, signer);
    }

    public void run(List<String> interviewIds) {
        List<String> ledgers = interviewIds.stream().map(id -> "ledger-" + id).toList();
        ledgers.forEach(this::awaitLedger);
        supportBureau(ledgers.get(0));
        transportBureau(ledgers.get(1));
        hospital(ledgers.get(2));
        List<String> centre = planAll(ledgers.get(3), "2019-05-31");
        List<String> federation =
                planAll(ledgers.get(4), LocalDate.now().plusDays(8).toString());
        api.post(
                "/api/ledgers/" + ledgers.get(4) + "/stage-evaluations",
                Map.of(
                        "results",
                        List.of(Map.of("taskId", federation.get(0), "rating", "IN_PROGRESS", "comment", "清单对账：正在整改"))),
                "SUPERVISOR");
        api.post("/api/deadline-sweeps", Map.of(), "SUPERVISOR");
        api.post(
                "/api/ledgers/" + ledgers.get(3) + "/accountability-cases",
                Map.of("taskIds", List.of(centre.get(0)), "evidenceIds", List.of(), "grounds", "整改逾期未完成，责任落实不力"),
                "SUPERVISOR");
        api.post(
                "/api/ledgers/" + ledgers.get(3) + "/tracking-evaluation",
                Map.of("supervisingBody", "中马街道纪工委", "summary", "拆分工程、食堂管理、国有资产出租问题仍在整改"),
                "SUPERVISING_BODY");
    }

    private void supportBureau(String ledger) {
        List<String> tasks = planAll(ledger, "2019-03-31");
        for (int i = 1; i <= 34; i++) {
            api.post(
                    "/api/ledgers/" + ledger + "/regulations",
                    Map.of(
                            "title",
                            "市支援合作局制度第" + i + "号",
                            "action",
                            i % 4 == 0 ? "REVISED" : "ESTABLISHED",
                            "issuedOn",
                            "2019-02-01",
                            "taskIds",
                            List.of(tasks.get(i % tasks.size()))),
                    "UNIT");
        }
        tasks.forEach(task -> verify(ledger, task));
        closeReports(ledger, "派驻纪检监察组");
    }

    private void transportBureau(String ledger) {
        List<String> tasks = planAll(ledger, "2019-06-30");
        String parent = tasks.get(0);
        api.post(
                task(ledger, parent) + "/cascade",
                Map.of(
                        "subTasks",
                        List.of(
                                Map.of(
                                        "ownerUnitId",
                                        "nb-passenger-transport",
                                        "ownerUnitName",
                                        "市客运管理局",
                                        "deadline",
                                        "2018-12-31"),
                                Map.of(
                                        "ownerUnitId",
                                        "nb-road-transport",
                                        "ownerUnitName",
                                        "市道路运输管理局",
                                        "deadline",
                                        "2018-12-31"),
                                Map.of(
                                        "ownerUnitId",
                                        "nb-port-shipping",
                                        "ownerUnitName",
                                        "市港航管理局",
                                        "deadline",
                                        "2018-12-31"))),
                "UNIT");
        for (String unit : List.of("nb-passenger-transport", "nb-road-transport", "nb-port-shipping")) {
            api.post(
                    task(ledger, parent) + "/sub-tasks/" + parent + "-" + unit + "/completion",
                    Map.of("note", "下属单位已整改"),
                    "UNIT");
        }
        for (int i = 1; i <= 19; i++) {
            api.post(
                    "/api/ledgers/" + ledger + "/regulations",
                    Map.of(
                            "title",
                            "市交通局制度第" + i + "号",
                            "action",
                            "ESTABLISHED",
                            "issuedOn",
                            "2019-01-10",
                            "taskIds",
                            List.of(parent)),
                    "UNIT");
        }
        tasks.subList(0, tasks.size() / 2).forEach(task -> verify(ledger, task));
        api.post(
                "/api/ledgers/" + ledger + "/written-report",
                Map.of("title", "市交通局三交底整改情况书面报告", "summary", "问题清单已逐级传达，正在整改"),
                "UNIT");
    }

    private void hospital(String ledger) {
        List<String> tasks = planAll(ledger, "2019-06-30");
        tasks.subList(0, 4).forEach(task -> verify(ledger, task));
        api.post(
                "/api/ledgers/" + ledger + "/stage-evaluations",
                Map.of(
                        "results",
                        List.of(
                                Map.of("taskId", tasks.get(0), "rating", "RECTIFIED", "comment", "耗材采购已规范"),
                                Map.of(
                                        "taskId",
                                        tasks.get(tasks.size() - 1),
                                        "rating",
                                        "NOT_RECTIFIED",
                                        "comment",
                                        "警示教育未覆盖全院"))),
                "SUPERVISOR");
    }

    private List<String> planAll(String ledger, String deadline) {
        List<String> tasks = new ArrayList<>();
        api.get("/api/ledgers/" + ledger)
                .get("tasks")
                .forEach(t -> tasks.add(t.get("taskId").asText()));
        for (String task : tasks) {
            api.post(
                    task(ledger, task) + "/plan",
                    Map.of(
                            "responsibleLeader",
                            "分管副职",
                            "responsibleDepartment",
                            "办公室",
                            "deadline",
                            deadline,
                            "measures",
                            "对照清单逐项整改，建章立制"),
                    "UNIT");
        }
        return tasks;
    }

    private void verify(String ledger, String task) {
        api.post(task(ledger, task) + "/verification", Map.of("comment", "照单督查、对账销号"), "SUPERVISOR");
    }

    private void closeReports(String ledger, String supervisingBody) {
        api.post(
                "/api/ledgers/" + ledger + "/written-report",
                Map.of("title", "三交底整改情况书面报告", "summary", "清单所列问题已全部整改"),
                "UNIT");
        api.post(
                "/api/ledgers/" + ledger + "/tracking-evaluation",
                Map.of("supervisingBody", supervisingBody, "summary", "整改到位，同意销号"),
                "SUPERVISING_BODY");
    }

    private static String task(String ledger, String task) {
        return "/api/ledgers/" + ledger + "/tasks/" + task;
    }

    private void awaitLedger(String ledger) {
        for (int i = 0; i < 200; i++) {
            try {
                JsonNode found = api.get("/api/ledgers/" + ledger);
                if (found != null) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // opened within a second or two of the talk
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("ledger " + ledger + " was not opened");
    }
}
