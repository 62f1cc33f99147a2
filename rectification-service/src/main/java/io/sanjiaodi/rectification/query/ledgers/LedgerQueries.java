package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.LedgerStatus;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Queries over the ledgers. Cross-ledger questions (warnings, overdue, due for the sweeper) read
 * the open ledgers and decide in memory: a few hundred ledgers a year (docs/domain.md §5) make that cheap,
 * and the warning level depends on today, which a stored field could not follow.
 */
@Service
public class LedgerQueries {

    private static final int MAX_LEDGERS = 10_000;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final WarningLevel.Thresholds thresholds;

    public LedgerQueries(MongoTemplate mongo, Clock clock, WarningLevel.Thresholds thresholds) {
        this.mongo = mongo;
        this.clock = clock;
        this.thresholds = thresholds;
    }

    public record TaskWarning(
            String ledgerId,
            String unitId,
            String unitName,
            String jurisdictionId,
            String taskId,
            String text,
            String responsibleLeader,
            LocalDate deadline,
            boolean overdue,
            WarningLevel level) {}

    /** One gap of the reconciliation (清单对账). */
    public record Reconciliation(
            String ledgerId,
            LocalDate asOf,
            LedgerStatus status,
            int taskCount,
            long verified,
            List<String> withoutPlan,
            List<String> withoutOwner,
            List<String> overdue,
            List<String> unverified,
            List<String> ratedNotRectified,
            boolean writtenReportFiled,
            boolean writtenReportOverdue,
            boolean trackingEvaluationFiled,
            long openAccountabilityCases) {}

    public record LateReport(
            String ledgerId,
            String unitId,
            String unitName,
            String jurisdictionId,
            LocalDate dueOn,
            LocalDate filedOn,
            boolean overdue) {}

    /** What the deadline sweeper has to look at today. */
    public record Due(String ledgerId, List<String> overdueTaskIds, boolean writtenReportOverdue) {}

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The ledger if the query model has it (scope checks; no 404). */
    public Optional<LedgerView> lookup(String ledgerId) {
        return Optional.ofNullable(mongo.findById(ledgerId, LedgerView.class));
    }

    public LedgerView get(String ledgerId) {
        LedgerView view = mongo.findById(ledgerId, LedgerView.class);
        if (view == null) {
            throw Refusal.notFound("LEDGER_NOT_FOUND", "no ledger " + ledgerId);
        }
        return decorate(view, today());
    }

    /** Ledgers of one interview (at most one), or of a jurisdiction, or all; newest first. */
    public List<LedgerView> find(String interviewId, String jurisdictionId) {
        Criteria criteria = new Criteria();
        if (interviewId != null) {
            criteria.and("interviewId").is(interviewId);
        }
        if (jurisdictionId != null) {
            criteria.and("jurisdictionId").is(jurisdictionId);
        }
        LocalDate today = today();
        return mongo
                .find(
                        Query.query(criteria)
                                .with(Sort.by(Sort.Direction.DESC, "openedAt"))
                                .limit(200),
                        LedgerView.class)
                .stream()
                .map(v -> decorate(v, today))
                .toList();
    }

    public List<TaskWarning> warnings(String ledgerId) {
        LedgerView view = get(ledgerId);
        return warningsOf(view, today()).stream()
                .filter(w -> w.level() != WarningLevel.NONE)
                .toList();
    }

    /** Tasks at {@code level} (or at any level but NONE) across open ledgers, optionally of one jurisdiction. */
    public List<TaskWarning> warnings(WarningLevel level, String jurisdictionId) {
        LocalDate today = today();
        List<TaskWarning> result = new ArrayList<>();
        for (LedgerView view : openLedgers(jurisdictionId)) {
            warningsOf(view, today).stream()
                    .filter(w -> level == null ? w.level() != WarningLevel.NONE : w.level() == level)
                    .forEach(result::add);
        }
        return result;
    }

    public List<TaskWarning> overdue(String jurisdictionId) {
        LocalDate today = today();
        return openLedgers(jurisdictionId).stream()
                .flatMap(v -> warningsOf(v, today).stream())
                .filter(TaskWarning::overdue)
                .toList();
    }

    /** Written reports overdue now, or filed after their due date. */
    public List<LateReport> lateWrittenReports(String jurisdictionId) {
        Criteria criteria = jurisdictionId == null
                ? new Criteria()
                : Criteria.where("jurisdictionId").is(jurisdictionId);
        LocalDate today = today();
        return mongo.find(Query.query(criteria).limit(MAX_LEDGERS), LedgerView.class).stream()
                .filter(v -> v.writtenReport != null && v.writtenReport.dueOn != null)
                .filter(v -> v.writtenReport.late
                        || v.writtenReport.overdue
                        || (v.writtenReport.filedOn == null && today.isAfter(v.writtenReport.dueOn)))
                .map(v -> new LateReport(
                        v.ledgerId,
                        v.unitId,
                        v.unitName,
                        v.jurisdictionId,
                        v.writtenReport.dueOn,
                        v.writtenReport.filedOn,
                        v.writtenReport.filedOn == null))
                .toList();
    }

    public Reconciliation reconciliation(String ledgerId) {
        LedgerView v = get(ledgerId);
        LocalDate today = today();
        List<String> withoutPlan = new ArrayList<>();
        List<String> withoutOwner = new ArrayList<>();
        List<String> overdue = new ArrayList<>();
        List<String> unverified = new ArrayList<>();
        List<String> notRectified = new ArrayList<>();
        for (TaskView t : v.tasks) {
            if (!t.planned()) {
                withoutPlan.add(t.taskId);
            }
            if (isBlank(t.responsibleLeader) || isBlank(t.responsibleDepartment)) {
                withoutOwner.add(t.taskId);
            }
            if (!t.verified()) {
                unverified.add(t.taskId);
                if (t.overdue || (t.deadline != null && today.isAfter(t.deadline))) {
                    overdue.add(t.taskId);
                }
            }
            if (t.latestRating != null && t.latestRating.rating() == Rating.NOT_RECTIFIED) {
                notRectified.add(t.taskId);
            }
        }
        var report = v.writtenReport;
        boolean reportOverdue =
                report.filedOn == null && (report.overdue || (report.dueOn != null && today.isAfter(report.dueOn)));
        return new Reconciliation(
                v.ledgerId,
                today,
                v.status,
                v.tasks.size(),
                v.tasks.size() - unverified.size(),
                withoutPlan,
                withoutOwner,
                overdue,
                unverified,
                notRectified,
                report.filedOn != null,
                reportOverdue,
                v.trackingEvaluation != null,
                v.accountabilityCases.stream()
                        .filter(c -> c.concludedOn == null)
                        .count());
    }

    /**
     * What is due as of {@code today} and not yet marked: unverified tasks past their deadline and
     * written reports past their due date. Reads state, not timers, so nothing is missed by a restart.
     */
    public List<Due> dueOn(LocalDate today) {
        List<Due> due = new ArrayList<>();
        for (LedgerView v : openLedgers(null)) {
            List<String> tasks = v.tasks.stream()
                    .filter(t -> !t.verified() && !t.overdue && t.deadline != null && today.isAfter(t.deadline))
                    .map(t -> t.taskId)
                    .toList();
            var report = v.writtenReport;
            boolean reportDue = report != null
                    && report.filedOn == null
                    && !report.overdue
                    && report.dueOn != null
                    && today.isAfter(report.dueOn);
            if (!tasks.isEmpty() || reportDue) {
                due.add(new Due(v.ledgerId, tasks, reportDue));
            }
        }
        return due;
    }

    private List<LedgerView> openLedgers(String jurisdictionId) {
        Criteria criteria = Criteria.where("status").is(LedgerStatus.OPEN);
        if (jurisdictionId != null) {
            criteria.and("jurisdictionId").is(jurisdictionId);
        }
        return mongo.find(Query.query(criteria).limit(MAX_LEDGERS), LedgerView.class);
    }

    private List<TaskWarning> warningsOf(LedgerView v, LocalDate today) {
        return v.tasks.stream()
                .map(t -> new TaskWarning(
                        v.ledgerId,
                        v.unitId,
                        v.unitName,
                        v.jurisdictionId,
                        t.taskId,
                        t.text,
                        t.responsibleLeader,
                        t.deadline,
                        !t.verified() && (t.overdue || (t.deadline != null && today.isAfter(t.deadline))),
                        WarningLevel.of(t.deadline, t.verified(), t.overdue, today, thresholds)))
                .toList();
    }

    private LedgerView decorate(LedgerView v, LocalDate today) {
        for (TaskView t : v.tasks) {
            t.warningLevel = WarningLevel.of(t.deadline, t.verified(), t.overdue, today, thresholds)
                    .name();
            t.rollUp = t.computeRollUp();
        }
        return v;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
