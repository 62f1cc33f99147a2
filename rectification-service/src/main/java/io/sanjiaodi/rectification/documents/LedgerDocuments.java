package io.sanjiaodi.rectification.documents;

import io.sanjiaodi.contracts.rectification.RectificationOpened.TaskKind;
import io.sanjiaodi.contracts.rectification.RegulationRecorded.RegulationAction;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.Rating;
import io.sanjiaodi.contracts.rectification.StageEvaluationRecorded.TaskRating;
import io.sanjiaodi.documents.DocumentsProperties;
import io.sanjiaodi.documents.OfficialDocument;
import io.sanjiaodi.documents.OfficialDocument.Block;
import io.sanjiaodi.documents.OfficialDocument.Field;
import io.sanjiaodi.documents.OfficialDocument.Fields;
import io.sanjiaodi.documents.OfficialDocument.Heading;
import io.sanjiaodi.documents.OfficialDocument.Paragraph;
import io.sanjiaodi.documents.OfficialDocument.Table;
import io.sanjiaodi.documents.Provenance;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.rectification.query.ledgers.LedgerView;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.StageEvaluation;
import io.sanjiaodi.rectification.query.ledgers.LedgerView.TaskView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's documents: the rectification ledger (整改台账), a stage evaluation's reconciliation
 * report (阶段评估对账报告) and the written report's registration slip (书面报告登记单), each from
 * the ledger as the reader may see it, stamped with the state it came from and an audit event id.
 */
public final class LedgerDocuments {

    static final Map<TaskKind, String> KINDS = new EnumMap<>(
            Map.of(TaskKind.PROBLEM_RECTIFICATION, "问题整改", TaskKind.RISK_PREVENTION, "风险防控", TaskKind.DUTY, "履责事项"));
    static final Map<Rating, String> RATINGS =
            new EnumMap<>(Map.of(Rating.RECTIFIED, "已整改", Rating.IN_PROGRESS, "整改中", Rating.NOT_RECTIFIED, "未整改"));

    private final DocumentsProperties properties;
    private final Clock clock;

    public LedgerDocuments(DocumentsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** 整改台账: every task with its owner, deadline, measures and standing; the regulations; the cases. */
    public OfficialDocument ledger(LedgerView v) {
        List<List<String>> tasks = new ArrayList<>();
        int n = 1;
        for (TaskView t : v.tasks) {
            tasks.add(List.of(
                    String.valueOf(n++),
                    "【" + KINDS.getOrDefault(t.kind, String.valueOf(t.kind)) + (t.aspect == null ? "" : "·" + t.aspect)
                            + "】" + t.text,
                    text(t.responsibleLeader) + "\n" + text(t.responsibleDepartment),
                    iso(t.deadline),
                    text(t.measures),
                    standing(t)));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Fields(List.of(
                new Field("整改单位", v.unitName),
                new Field("谈话时间", date(v.conductedOn)),
                new Field("整改方案时限", date(v.planDueOn)),
                new Field("台账状态", v.closedOn != null ? "已销号（" + date(v.closedOn) + "）" : "整改中"),
                new Field(
                        "整改进度",
                        "共 " + v.tasks.size() + " 项，已对账销号 "
                                + v.tasks.stream().filter(TaskView::verified).count() + " 项，逾期未销号 "
                                + v.tasks.stream()
                                        .filter(t -> t.overdue && !t.verified())
                                        .count() + " 项"),
                new Field("书面报告", report(v)),
                new Field(
                        "跟踪评估报告",
                        v.trackingEvaluation == null
                                ? "未报送"
                                : v.trackingEvaluation.supervisingBody() + " " + date(v.trackingEvaluation.filedOn())
                                        + " 报送"))));
        blocks.add(new Heading("一、整改事项"));
        // narrow columns take short forms: ISO dates, leader and department on two lines
        blocks.add(new Table(
                List.of("序号", "整改事项", "责任领导\n责任部门", "整改时限", "整改措施", "状态"), List.of(14, 60, 30, 30, 40, 30), tasks));
        blocks.add(new Heading("二、建立健全制度（" + v.regulations.size() + " 项）"));
        List<List<String>> regulations = new ArrayList<>();
        v.regulations.forEach(r -> regulations.add(
                List.of(r.title(), r.action() == RegulationAction.REVISED ? "修订" : "制定", date(r.issuedOn()))));
        blocks.add(new Table(List.of("制度名称", "制定/修订", "印发日期"), List.of(6, 2, 2), regulations));
        if (!v.accountabilityCases.isEmpty()) {
            blocks.add(new Heading("三、追责问责"));
            List<List<String>> cases = new ArrayList<>();
            v.accountabilityCases.forEach(c -> cases.add(List.of(
                    text(c.grounds),
                    date(c.openedOn),
                    c.outcome == null ? "办理中" : c.outcome + "（" + date(c.concludedOn) + "）")));
            blocks.add(new Table(List.of("问责事由", "立案日期", "办理结果"), List.of(6, 2, 4), cases));
        }
        return new OfficialDocument("整改台账", v.unitName + " · 挂账销号", blocks, provenance(v, v.lastEventId));
    }

    /** 阶段评估对账报告: each task's rating in the evaluation, the tallies, and what is still open. */
    public OfficialDocument stageEvaluation(LedgerView v, String evaluationId) {
        StageEvaluation evaluation = evaluation(v, evaluationId);
        Map<Rating, Integer> tally = new EnumMap<>(Rating.class);
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (TaskRating r : evaluation.results()) {
            tally.merge(r.rating(), 1, Integer::sum);
            TaskView t = v.task(r.taskId());
            rows.add(List.of(
                    String.valueOf(n++),
                    t == null ? r.taskId() : (t.aspect == null ? "" : "【" + t.aspect + "】") + t.text,
                    t == null ? "—" : text(t.responsibleLeader),
                    t == null ? "—" : iso(t.deadline),
                    RATINGS.get(r.rating()),
                    text(r.comment())));
        }
        List<Block> blocks = List.of(
                new Fields(List.of(
                        new Field("被评估单位", v.unitName),
                        new Field("评估日期", date(evaluation.evaluatedOn())),
                        new Field("谈话时间", date(v.conductedOn)),
                        new Field(
                                "对账结果",
                                "评估 " + evaluation.results().size() + " 项：已整改 "
                                        + tally.getOrDefault(Rating.RECTIFIED, 0)
                                        + " 项，整改中 " + tally.getOrDefault(Rating.IN_PROGRESS, 0) + " 项，未整改 "
                                        + tally.getOrDefault(Rating.NOT_RECTIFIED, 0) + " 项"))),
                new Heading("逐项对账"),
                new Table(List.of("序号", "清单事项", "责任领导", "整改时限", "评估结果", "评估意见"), List.of(14, 60, 24, 30, 24, 40), rows),
                new Paragraph("　　对评估为“未整改”“整改中”的事项，被评估单位应于收到本报告后按期整改到位；逾期或整改不力的，依规依纪追责问责。"));
        return new OfficialDocument("阶段评估对账报告", v.unitName, blocks, provenance(v, evaluation.eventId()));
    }

    /** 书面报告登记单: the registration of the interviewee's written report (登记备案). */
    public OfficialDocument writtenReportSlip(LedgerView v) {
        var report = v.writtenReport;
        if (report.filedOn == null) {
            throw Refusal.conflict(
                    "WRITTEN_REPORT_NOT_FILED", "the written report has not been filed: there is nothing to register");
        }
        List<Block> blocks = List.of(new Fields(List.of(
                new Field("登记编号", report.registrationNumber),
                new Field("报告单位", v.unitName),
                new Field("报告标题", report.title),
                new Field("谈话时间", date(v.conductedOn)),
                new Field("应报时间", date(report.dueOn)),
                new Field("报送时间", date(report.filedOn)),
                new Field("是否按期", report.late ? "逾期报送" : "按期报送"),
                new Field("登记备案", "已登记备案"))));
        return new OfficialDocument("书面报告登记单", "三交底廉政谈话 · 双报告", blocks, provenance(v, report.eventId));
    }

    private Provenance provenance(LedgerView v, String eventId) {
        return new Provenance(
                clock.instant(),
                "整改台账 " + v.ledgerId + " 截至事件序号 " + v.lastSequence,
                null,
                eventId,
                properties.verificationUrl(eventId));
    }

    private static StageEvaluation evaluation(LedgerView v, String evaluationId) {
        if (v.stageEvaluations.isEmpty()) {
            throw Refusal.conflict("NO_STAGE_EVALUATION", "no stage evaluation has been recorded on this ledger");
        }
        if (evaluationId == null || evaluationId.isBlank()) {
            return v.stageEvaluations.get(v.stageEvaluations.size() - 1);
        }
        return v.stageEvaluations.stream()
                .filter(e -> e.evaluationId().equals(evaluationId))
                .findFirst()
                .orElseThrow(
                        () -> Refusal.notFound("STAGE_EVALUATION_NOT_FOUND", "no stage evaluation " + evaluationId));
    }

    private static String standing(TaskView t) {
        if (t.verified()) {
            return "已销号" + (t.verifiedOn == null ? "" : "（" + date(t.verifiedOn) + "）");
        }
        String status = t.planned() ? "整改中" : "待制定方案";
        return t.overdue ? status + "，已逾期" : status;
    }

    private static String report(LedgerView v) {
        var r = v.writtenReport;
        if (r.filedOn != null) {
            return "已报送（" + date(r.filedOn) + "，登记编号 " + text(r.registrationNumber) + (r.late ? "，逾期" : "") + "）";
        }
        return "未报送，应于 " + date(r.dueOn) + " 前报送" + (r.overdue ? "（已逾期）" : "");
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** The short form narrow table columns take. */
    private static String iso(LocalDate d) {
        return d == null ? "—" : d.toString();
    }

    private static String date(LocalDate d) {
        return Provenance.date(d);
    }
}
