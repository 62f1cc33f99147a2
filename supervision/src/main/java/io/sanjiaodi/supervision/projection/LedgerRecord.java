package io.sanjiaodi.supervision.projection;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One rectification ledger with every task's plan, status and history, as supervisors follow it. */
@Document("sup_ledgers")
public class LedgerRecord {
    @Id
    public String ledgerId;

    public String interviewId;
    public String unitId;
    public String unitName;
    public String jurisdictionId;
    public int year;
    public LocalDate conductedOn;
    public LocalDate planDueOn;
    public LocalDate openedOn;
    public LocalDate closedOn;
    public List<TaskRecord> tasks = new ArrayList<>();
    public Report writtenReport = new Report();
    public boolean trackingEvaluationFiled;
    public List<Regulation> regulations = new ArrayList<>();
    public List<Case> accountabilityCases = new ArrayList<>();
    public int stageEvaluations;
    public long lastSequence = -1;

    public TaskRecord task(String taskId) {
        return tasks.stream().filter(t -> t.taskId.equals(taskId)).findFirst().orElseGet(() -> {
            TaskRecord task = new TaskRecord();
            task.taskId = taskId;
            task.status = TaskStatus.OPEN;
            tasks.add(task);
            return task;
        });
    }

    public static class TaskRecord {
        public String taskId;
        public String kind;
        public String aspect;
        public String text;
        public TaskStatus status;
        public String responsibleLeader;
        public String responsibleDepartment;
        public String measures;
        public LocalDate deadline;
        public LocalDate originalDeadline;
        public boolean overdue;
        public LocalDate verifiedOn;
        public String rating;
        public int subTasks;
        public int subTasksDone;
        public int evidence;
        public int progressReports;
        public List<Step> history = new ArrayList<>();
    }

    /** One step of a task's history: what happened, when, by which event (for the timeline). */
    public record Step(String type, Instant at, String eventId, String note) {}

    public static class Report {
        public LocalDate dueOn;
        public LocalDate filedOn;
        public String registrationNumber;
        public boolean late;
        public boolean overdue;
    }

    public record Regulation(
            String regulationId, String title, String action, LocalDate issuedOn, List<String> taskIds) {}

    public static class Case {
        public String caseId;
        public List<String> taskIds = new ArrayList<>();
        public String grounds;
        public LocalDate openedOn;
        public String outcome;
        public LocalDate concludedOn;
    }
}
