package io.sanjiaodi.supervision.query;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.supervision.projection.InterviewRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.query.SupervisionViews.*;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Figures computed from the projections at read time, so they are never stale against them. "Today"
 * is the host's one {@link Clock} bean (audit-service's, UTC), the clock its audit log and
 * checkpoints use too, so tests fix it in one place.
 */
@Service
public class SupervisionQueries {

    private final MongoTemplate mongo;
    private final ModelCollections collections;
    private final WarningLevel.Thresholds thresholds;
    private final Clock clock;

    public SupervisionQueries(
            MongoTemplate mongo, ModelCollections collections, WarningLevel.Thresholds thresholds, Clock clock) {
        this.mongo = mongo;
        this.collections = collections;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public List<LedgerRecord> ledgers(String jurisdictionId, Integer year) {
        Criteria criteria = new Criteria();
        if (jurisdictionId != null) {
            criteria.and("jurisdictionId").is(jurisdictionId);
        }
        if (year != null) {
            criteria.and("year").is(year);
        }
        return mongo.find(Query.query(criteria).limit(5000), LedgerRecord.class, collections.of(LedgerRecord.class));
    }

    public List<InterviewRecord> interviews(String jurisdictionId, Integer year) {
        Criteria criteria = Criteria.where("status").is("CONDUCTED");
        if (jurisdictionId != null) {
            criteria.and("jurisdictionId").is(jurisdictionId);
        }
        if (year != null) {
            criteria.and("year").is(year);
        }
        return mongo.find(
                Query.query(criteria).limit(5000), InterviewRecord.class, collections.of(InterviewRecord.class));
    }

    public LedgerRecord ledger(String ledgerId) {
        LedgerRecord ledger = mongo.findById(ledgerId, LedgerRecord.class, collections.of(LedgerRecord.class));
        if (ledger == null) {
            throw Refusal.notFound("LEDGER_NOT_FOUND", "no ledger " + ledgerId);
        }
        return ledger;
    }

    public InterviewRecord interview(String interviewId) {
        InterviewRecord interview =
                mongo.findById(interviewId, InterviewRecord.class, collections.of(InterviewRecord.class));
        if (interview == null) {
            throw Refusal.notFound("INTERVIEW_NOT_FOUND", "no interview " + interviewId);
        }
        return interview;
    }

    public Overview overview(String jurisdictionId, Integer year) {
        return overview(jurisdictionId, year, (unit, jurisdiction) -> true);
    }

    /** @param counts whether a unit's figures count, by unit and jurisdiction (a unit user's own; a supervising body's units) */
    public Overview overview(String jurisdictionId, Integer year, BiPredicate<String, String> counts) {
        List<LedgerRecord> ledgers = ledgers(jurisdictionId, year).stream()
                .filter(l -> counts.test(l.unitId, l.jurisdictionId))
                .toList();
        List<InterviewRecord> interviews = interviews(jurisdictionId, year).stream()
                .filter(i -> counts.test(i.unitId, i.jurisdictionId))
                .toList();
        LocalDate today = LocalDate.now(clock);
        int tasks = 0, open = 0, overdue = 0, closed = 0, pending = 0, late = 0, cases = 0, regulations = 0;
        List<Long> daysToClose = new ArrayList<>();
        Map<String, Integer> overdueByJurisdiction = new TreeMap<>();
        for (LedgerRecord l : ledgers) {
            for (TaskRecord t : l.tasks) {
                tasks++;
                if (t.status == TaskStatus.VERIFIED) {
                    closed++;
                    if (t.verifiedOn != null && l.openedOn != null) {
                        daysToClose.add(ChronoUnit.DAYS.between(l.openedOn, t.verifiedOn));
                    }
                } else {
                    open++;
                    if (t.overdue) {
                        overdue++;
                        overdueByJurisdiction.merge(l.jurisdictionId, 1, Integer::sum);
                    }
                }
            }
            LedgerRecord.Report report = l.writtenReport;
            if (report.overdue || report.late) {
                late++;
            } else if (report.filedOn == null && report.dueOn != null && !report.dueOn.isBefore(today)) {
                pending++;
            }
            cases += l.accountabilityCases.size();
            regulations += l.regulations.size();
        }
        Map<String, Integer> perMonth = new TreeMap<>();
        interviews.forEach(i -> perMonth.merge(i.conductedOn.toString().substring(0, 7), 1, Integer::sum));
        List<TaskWarning> warnings = warnings(jurisdictionId, year, null).stream()
                .filter(w -> counts.test(w.unitId(), w.jurisdictionId()))
                .toList();
        return new Overview(
                jurisdictionId,
                year,
                interviews.size(),
                ledgers.size(),
                tasks,
                open,
                overdue,
                closed,
                tasks == 0 ? 0 : (double) closed / tasks,
                median(daysToClose),
                pending,
                late,
                cases,
                regulations,
                perMonth.entrySet().stream()
                        .map(e -> new MonthCount(e.getKey(), e.getValue()))
                        .toList(),
                overdueByJurisdiction.entrySet().stream()
                        .map(e -> new JurisdictionCount(e.getKey(), e.getValue()))
                        .toList(),
                new WarningCounts(
                        count(warnings, WarningLevel.YELLOW),
                        count(warnings, WarningLevel.ORANGE),
                        count(warnings, WarningLevel.RED)));
    }

    /**
     * Unverified tasks due within the yellow threshold or overdue, most urgent first; the colours are
     * the ledgers' own ({@link WarningLevel}), so a unit and its supervisor never see different ones.
     *
     * @param level only this level; null for every level but NONE
     */
    public List<TaskWarning> warnings(String jurisdictionId, Integer year, WarningLevel level) {
        LocalDate today = LocalDate.now(clock);
        List<TaskWarning> warnings = new ArrayList<>();
        for (LedgerRecord l : ledgers(jurisdictionId, year)) {
            for (TaskRecord t : l.tasks) {
                WarningLevel warning =
                        WarningLevel.of(t.deadline, t.status == TaskStatus.VERIFIED, t.overdue, today, thresholds);
                if (warning != WarningLevel.NONE && (level == null || level == warning)) {
                    warnings.add(new TaskWarning(
                            l.ledgerId,
                            l.interviewId,
                            l.unitId,
                            l.unitName,
                            l.jurisdictionId,
                            t.taskId,
                            t.kind,
                            t.text,
                            t.responsibleLeader,
                            t.responsibleDepartment,
                            t.deadline,
                            ChronoUnit.DAYS.between(today, t.deadline),
                            warning));
                }
            }
        }
        warnings.sort(Comparator.comparingLong(TaskWarning::daysLeft));
        return warnings;
    }

    public List<EvaluationRow> evaluation(String jurisdictionId, int year) {
        return ledgers(jurisdictionId, year).stream()
                .map(l -> EvaluationScore.of(l))
                .sorted(Comparator.comparing(EvaluationRow::jurisdictionId).thenComparing(EvaluationRow::unitName))
                .toList();
    }

    public List<AccountabilityRow> accountability(String jurisdictionId, Integer year) {
        List<AccountabilityRow> rows = new ArrayList<>();
        for (LedgerRecord l : ledgers(jurisdictionId, year)) {
            for (LedgerRecord.Case c : l.accountabilityCases) {
                rows.add(new AccountabilityRow(
                        l.ledgerId,
                        l.unitId,
                        l.unitName,
                        l.jurisdictionId,
                        c.caseId,
                        c.taskIds,
                        c.grounds,
                        c.openedOn,
                        c.outcome,
                        c.concludedOn));
            }
        }
        return rows;
    }

    private static int count(List<TaskWarning> warnings, WarningLevel level) {
        return (int) warnings.stream().filter(w -> w.level() == level).count();
    }

    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
