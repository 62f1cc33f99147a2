package io.sanjiaodi.supervision.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.supervision.projection.LedgerRecord.Case;
import io.sanjiaodi.supervision.projection.LedgerRecord.Regulation;
import io.sanjiaodi.supervision.projection.LedgerRecord.Step;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How each event of {@code rectification.events} changes a {@link LedgerRecord}. */
final class LedgerEvents {

    private static final Set<String> HANDLED = Set.of("RectificationOpened", "TaskPlanned", "TaskPlanRevised",
            "DeadlineExtensionApproved", "TaskCascaded", "SubTaskCompleted", "ProgressReported", "EvidenceAttached",
            "RegulationRecorded", "TaskVerified", "TaskVerificationFailed", "TaskBecameOverdue", "WrittenReportFiled",
            "WrittenReportBecameOverdue", "TrackingEvaluationFiled", "StageEvaluationRecorded",
            "AccountabilityCaseOpened", "AccountabilityCaseConcluded", "RectificationClosed", "TaskClosureRefused");

    boolean handles(String type) {
        return HANDLED.contains(type);
    }

    void apply(LedgerRecord l, RecordedEvent e) {
        switch (e.type()) {
            case "RectificationOpened" -> opened(l, e);
            case "RegulationRecorded" -> l.regulations.add(new Regulation(e.text("regulationId"), e.text("title"),
                    e.text("action"), e.date("issuedOn"), texts(e.payload().path("taskIds"))));
            case "WrittenReportFiled" -> {
                l.writtenReport.filedOn = e.date("filedOn");
                l.writtenReport.registrationNumber = e.text("registrationNumber");
                l.writtenReport.late = e.payload().path("late").asBoolean();
            }
            case "WrittenReportBecameOverdue" -> l.writtenReport.overdue = true;
            case "TrackingEvaluationFiled" -> l.trackingEvaluationFiled = true;
            case "StageEvaluationRecorded" -> stageEvaluation(l, e);
            case "AccountabilityCaseOpened" -> {
                Case c = new Case();
                c.caseId = e.text("caseId");
                c.taskIds = texts(e.payload().path("taskIds"));
                c.grounds = e.text("grounds");
                c.openedOn = e.date("openedOn");
                l.accountabilityCases.add(c);
            }
            case "AccountabilityCaseConcluded" -> l.accountabilityCases.stream()
                    .filter(c -> c.caseId.equals(e.text("caseId"))).forEach(c -> {
                        c.outcome = e.text("outcome");
                        c.concludedOn = e.date("concludedOn");
                    });
            case "RectificationClosed" -> l.closedOn = e.date("closedOn");
            default -> task(l.task(e.text("taskId")), e);
        }
    }

    private static void opened(LedgerRecord l, RecordedEvent e) {
        l.interviewId = e.text("interviewId");
        l.unitId = e.text("unitId");
        l.unitName = e.text("unitName");
        l.jurisdictionId = e.text("jurisdictionId");
        l.conductedOn = e.date("conductedOn");
        l.year = (l.conductedOn != null ? l.conductedOn : l.openedOn).getYear();
        l.planDueOn = e.date("planDueOn");
        l.writtenReport.dueOn = e.date("writtenReportDueOn");
        for (JsonNode t : e.payload().path("tasks")) {
            TaskRecord task = l.task(t.path("taskId").asText());
            task.kind = t.path("kind").asText(null);
            task.aspect = t.path("aspect").asText(null);
            task.text = t.path("text").asText(null);
            step(task, e, null);
        }
    }

    private static void task(TaskRecord t, RecordedEvent e) {
        switch (e.type()) {
            case "TaskPlanned", "TaskPlanRevised" -> {
                t.responsibleLeader = e.text("responsibleLeader");
                t.responsibleDepartment = e.text("responsibleDepartment");
                t.measures = e.text("measures");
                if (e.date("deadline") != null) {
                    t.deadline = e.date("deadline");
                    t.originalDeadline = t.originalDeadline == null ? t.deadline : t.originalDeadline;
                }
                t.status = "VERIFIED".equals(t.status) ? t.status : "PLANNED";
            }
            case "DeadlineExtensionApproved" -> {
                t.deadline = e.date("newDeadline");
                t.overdue = false;
            }
            case "TaskCascaded" -> t.subTasks += e.payload().path("subTasks").size();
            case "SubTaskCompleted" -> t.subTasksDone++;
            case "ProgressReported" -> t.progressReports++;
            case "EvidenceAttached" -> t.evidence++;
            case "TaskVerified" -> {
                t.status = "VERIFIED";
                t.verifiedOn = e.date("verifiedOn");
                t.overdue = false;
            }
            case "TaskVerificationFailed" -> t.status = "PLANNED";
            case "TaskBecameOverdue" -> t.overdue = true;
            default -> {
                // TaskClosureRefused: only the history records it
            }
        }
        step(t, e, e.text("reason") != null ? e.text("reason") : e.text("comment"));
    }

    private static void stageEvaluation(LedgerRecord l, RecordedEvent e) {
        l.stageEvaluations++;
        for (JsonNode result : e.payload().path("results")) {
            TaskRecord t = l.task(result.path("taskId").asText());
            t.rating = result.path("rating").asText(null);
            step(t, e, result.path("comment").asText(null));
        }
    }

    private static void step(TaskRecord t, RecordedEvent e, String note) {
        if (t.history.stream().noneMatch(s -> s.eventId().equals(e.eventId()))) {
            t.history.add(new Step(e.type(), e.time(), e.eventId(), note));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
