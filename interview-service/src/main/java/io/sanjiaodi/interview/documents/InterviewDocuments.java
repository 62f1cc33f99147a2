package io.sanjiaodi.interview.documents;

import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.documents.DocumentsProperties;
import io.sanjiaodi.documents.OfficialDocument;
import io.sanjiaodi.documents.OfficialDocument.Block;
import io.sanjiaodi.documents.OfficialDocument.Field;
import io.sanjiaodi.documents.OfficialDocument.Fields;
import io.sanjiaodi.documents.OfficialDocument.Heading;
import io.sanjiaodi.documents.OfficialDocument.Paragraph;
import io.sanjiaodi.documents.OfficialDocument.SignatureLine;
import io.sanjiaodi.documents.OfficialDocument.Signatures;
import io.sanjiaodi.documents.Provenance;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.query.interviews.InterviewView.Conduct;
import io.sanjiaodi.platform.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The interview record (廉政谈话记录表) and the integrity commitment (廉洁从政承诺书), from the
 * interview as conducted: the frozen lists, the signatures on record, and a provenance naming the
 * last event the state includes and the {@code InterviewConducted} event the audit page verifies.
 * Neither names a confidential source: both go to the unit.
 */
public final class InterviewDocuments {

    static final Map<String, String> CADRE_LEVELS = Map.of(
            "CITY_MANAGED", "市管干部",
            "COUNTY_MANAGED", "区县（市）管理干部",
            "CITY_DEPARTMENT_MANAGED", "市直单位党委（党组）管理干部");

    private final DocumentsProperties properties;
    private final Clock clock;

    public InterviewDocuments(DocumentsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** 廉政谈话记录表: who, when, where, who led, what was handed over, the summary, the signatures. */
    public OfficialDocument record(InterviewView v) {
        Conduct c = conducted(v);
        List<Field> fields = new ArrayList<>(List.of(
                new Field("谈话对象", v.interviewee.name()),
                new Field("职务", v.interviewee.position()),
                new Field("所在单位", v.interviewee.unitName()),
                new Field("干部管理层级", CADRE_LEVELS.getOrDefault(v.cadreLevel, v.cadreLevel)),
                new Field("谈话时间", date(c.conductedOn())),
                new Field("谈话地点", c.place()),
                new Field("主谈人", person(v.leadInterviewer))));
        if (v.entrustment != null) {
            fields.add(new Field(
                    "委托情况", "受" + person(v.entrustment.secretary()) + "委托（" + date(v.entrustment.entrustedOn()) + "）"));
        }
        fields.add(new Field("清单交底人", person(c.handedOverBy())));
        fields.add(new Field("交底清单", handedOver(v)));
        List<Block> blocks = List.of(
                new Fields(fields),
                new Heading("谈话内容摘要"),
                new Paragraph(c.recordSummary() == null ? "—" : c.recordSummary()),
                new Heading("签字确认"),
                new Signatures(List.of(
                        signed("谈话记录（谈话对象）", c.recordSignature()), signed("廉洁从政承诺书（承诺人）", c.commitmentSignature()))));
        return new OfficialDocument("廉政谈话记录表", "三交底廉政谈话 · " + v.interviewee.unitName(), blocks, provenance(v));
    }

    /** 廉洁从政承诺书: the commitments the interviewee signed, naming the lists received. */
    public OfficialDocument commitment(InterviewView v) {
        Conduct c = conducted(v);
        String who = v.interviewee.name();
        String unit = v.interviewee.unitName();
        List<Block> blocks = List.of(
                new Paragraph("　　本人" + who + "，现任" + unit + v.interviewee.position() + "。" + date(c.conductedOn())
                        + "，在三交底廉政谈话中接收了" + unit + "主体责任履责清单、问题清单和重要廉政风险清单（"
                        + handedOver(v) + "）。为切实履行全面从严治党主体责任，本人郑重承诺："),
                new Paragraph("　　一、认真履行党风廉政建设第一责任人职责，逐项落实主体责任履责清单所列" + v.responsibilities.size()
                        + "项规定动作和自选动作，做到重要工作亲自部署、重大问题亲自过问、重点环节亲自协调。"),
                new Paragraph("　　二、对问题清单所列" + v.problems.size() + "个问题逐项制定整改方案，明确责任领导、责任部门和整改时限，按期整改到位，接受照单督查、对账销号。"),
                new Paragraph("　　三、针对重要廉政风险清单所列" + v.risks.size() + "项风险，健全制度、完善防控措施，堵塞管理漏洞。"),
                new Paragraph("　　四、严守政治纪律和政治规矩，带头遵守廉洁自律各项规定，管好家属子女和身边工作人员。"),
                new Paragraph("　　五、自谈话之日起三个月内，向纪委监委书面报告履责和整改情况，并主动接受监督。"),
                new Paragraph("　　如有违反，愿承担相应责任。"),
                new Signatures(List.of(signed("承诺人", c.commitmentSignature()))));
        return new OfficialDocument("廉洁从政承诺书", unit, blocks, provenance(v));
    }

    /** What the state was produced from, and the reference that verifies it in the audit log. */
    Provenance provenance(InterviewView v) {
        Conduct c = v.conduct;
        String code = c == null ? null : c.eventId();
        return new Provenance(
                clock.instant(),
                "谈话 " + v.interviewId + " 截至事件序号 " + v.lastSequence + "（清单第 " + v.listVersion + " 版）",
                c == null ? null : c.listsHash(),
                code,
                properties.verificationUrl(code));
    }

    static Conduct conducted(InterviewView v) {
        if (v.conduct == null) {
            throw Refusal.conflict(
                    "INTERVIEW_NOT_CONDUCTED",
                    "the interview has not been conducted: there is nothing signed to print");
        }
        return v.conduct;
    }

    static String handedOver(InterviewView v) {
        return "第 " + v.listVersion + " 版：履责事项 " + v.responsibilities.size() + " 项、问题 " + v.problems.size() + " 个、廉政风险 "
                + v.risks.size() + " 项";
    }

    static String person(PersonRef p) {
        if (p == null) {
            return "—";
        }
        return p.post() == null || p.post().isBlank() ? p.name() : p.name() + "（" + p.post() + "）";
    }

    private static SignatureLine signed(String role, Signature s) {
        return s == null
                ? new SignatureLine(role, null, null)
                : new SignatureLine(role, s.signedBy(), Provenance.time(s.signedAt()));
    }

    static String date(LocalDate d) {
        return Provenance.date(d);
    }
}
