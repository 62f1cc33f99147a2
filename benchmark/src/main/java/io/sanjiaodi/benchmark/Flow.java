package io.sanjiaodi.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One virtual user repeating the realistic flow: the supervision office schedules an interview,
 * fills the three lists and conducts the talk; once rectification-service has opened the ledger,
 * the unit plans and reports progress on every task and the office verifies it. A ledger is
 * picked up on a later turn rather than waited for, so the user keeps issuing commands while the
 * events travel (as an office works on many units at once).
 */
final class Flow implements Runnable {

    private static final long LEDGER_GRACE_NANOS = 200_000_000L;
    private final Api api;
    private final Targets targets;
    private final Timings timings;
    private final String runId;
    private final int user;
    private final BooleanSupplier running;
    private final ArrayDeque<Conducted> pending = new ArrayDeque<>();

    Flow(Api api, Targets targets, Timings timings, String runId, int user, BooleanSupplier running) {
        this.api = api;
        this.targets = targets;
        this.timings = timings;
        this.runId = runId;
        this.user = user;
        this.running = running;
    }

    @Override
    public void run() {
        // interviews are scheduled only for registered units: this user's unit, registered once
        // by the administrator and not timed (the registry is not part of the measured flow)
        if (api.command("PUT", targets.interview() + "/api/units/" + unitId(), """
                {"name": "压测单位", "jurisdictionId": "ningbo", "leaderCadreLevel": "CITY_MANAGED"}""", "ADMIN", new Latencies()) == null) {
            return;
        }
        while (running.getAsBoolean()) {
            Conducted ready = pending.peek();
            if (ready != null && System.nanoTime() - ready.at > LEDGER_GRACE_NANOS && rectify(ready)) {
                pending.poll();
            } else {
                interview();
            }
        }
    }

    private void interview() {
        String unitId = unitId();
        String base = targets.interview() + "/api/interviews";
        JsonNode created = api.command(base, """
                {"interviewee": {"name": "压测对象", "position": "党委书记", "unitId": "%s", "unitName": "压测单位",
                 "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "nb-secretary"}""".formatted(unitId), "SUPERVISOR", timings.interview);
        if (created == null) {
            return;
        }
        String id = base + "/" + created.get("id").asText();
        boolean listed = api.command(
                                id + "/responsibilities",
                                "{\"kind\": \"CUSTOM\", \"text\": \"每年专题研究党风廉政建设\"}",
                                "SUPERVISOR",
                                timings.interview)
                        != null
                && api.command(
                                id + "/problems",
                                "{\"aspect\": \"制度建设\", \"description\": \"选人用人制度执行不严\", "
                                        + "\"sourceChannel\": \"INSPECTION_TOUR\"}",
                                "SUPERVISOR",
                                timings.interview)
                        != null
                && api.command(
                                id + "/risks",
                                "{\"businessArea\": \"工程建设\", \"description\": \"拆分工程规避招标\", " + "\"level\": \"HIGH\"}",
                                "SUPERVISOR",
                                timings.interview)
                        != null;
        if (listed && api.command(id + "/conduct", """
                {"conductedOn": "2018-11-15", "place": "市纪委谈话室", "leadInterviewerId": "nb-secretary",
                 "confirmNoProblems": false, "handedOverById": "nb-office-1-director", "recordSummary": "通报三张清单",
                 "recordSignature": {"signedBy": "压测对象", "signedAt": "2018-11-15T02:30:00Z"},
                 "commitmentSignature": {"signedBy": "压测对象", "signedAt": "2018-11-15T02:31:00Z"}}""", "SUPERVISOR", timings.interview) != null) {
            pending.add(new Conducted("ledger-" + created.get("id").asText(), unitId, System.nanoTime()));
        }
    }

    /** @return false while the ledger is not open yet */
    private boolean rectify(Conducted conducted) {
        String ledger = targets.rectification() + "/api/ledgers/" + conducted.ledgerId;
        JsonNode view;
        try {
            view = api.get(ledger, "SUPERVISOR");
        } catch (IOException e) {
            Errors.note(e.toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        if (view == null) {
            return false;
        }
        List<String> tasks = new ArrayList<>();
        view.path("tasks").forEach(t -> tasks.add(t.get("taskId").asText()));
        String unit = "UNIT:" + conducted.unitId;
        for (String task : tasks) {
            String url = ledger + "/tasks/" + task;
            boolean done = api.command(
                                    url + "/plan",
                                    "{\"responsibleLeader\": \"分管副职\", \"responsibleDepartment\": "
                                            + "\"办公室\", \"deadline\": \"2019-03-31\", \"measures\": \"对照清单逐项整改\"}",
                                    unit,
                                    timings.rectification)
                            != null
                    && api.command(url + "/progress", "{\"text\": \"已完成制度修订\"}", unit, timings.rectification) != null
                    && api.command(
                                    url + "/verification",
                                    "{\"comment\": \"照单督查、对账销号\"}",
                                    "SUPERVISOR",
                                    timings.rectification)
                            != null;
            if (done) {
                timings.tasksVerified.incrementAndGet();
            }
        }
        return true;
    }

    private String unitId() {
        return "bench-" + runId + "-" + user;
    }

    private record Conducted(String ledgerId, String unitId, long at) {}

    /** Where the services are. */
    record Targets(String interview, String rectification, String audit) {}
}
