package io.sanjiaodi.interview.documents;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.documents.OfficialDocument;
import io.sanjiaodi.documents.OfficialDocument.Block;
import io.sanjiaodi.documents.OfficialDocument.Field;
import io.sanjiaodi.documents.OfficialDocument.Fields;
import io.sanjiaodi.documents.OfficialDocument.Heading;
import io.sanjiaodi.documents.OfficialDocument.Table;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.sources.ReadableProblem;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.interview.workbook.ListSheets;
import io.sanjiaodi.platform.security.Actor;
import java.util.ArrayList;
import java.util.List;

/**
 * The three lists as handed over (三张清单交底书), with their version, SHA-256 hash and the
 * verification reference. The version for the unit has no source column at all; only a reader
 * entitled to sources gets one (opened here, never stored in clear), and that version says on its
 * face that it must not go to the unit.
 */
public final class ListsDocument {

    private final InterviewDocuments interviews;
    private final SourceSealer sealer;

    public ListsDocument(InterviewDocuments interviews, SourceSealer sealer) {
        this.interviews = interviews;
        this.sealer = sealer;
    }

    public OfficialDocument lists(InterviewView v, Actor reader) {
        var conduct = InterviewDocuments.conducted(v);
        boolean sources = reader.maySeeConfidentialSources();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Fields(List.of(
                new Field("被谈话单位", v.interviewee.unitName()),
                new Field("谈话对象", v.interviewee.name() + "（" + v.interviewee.position() + "）"),
                new Field("交底时间", InterviewDocuments.date(conduct.conductedOn())),
                new Field("清单交底人", InterviewDocuments.person(conduct.handedOverBy())),
                new Field("清单版本", InterviewDocuments.handedOver(v)),
                new Field("清单哈希", conduct.listsHash()),
                new Field("哈希算法", "SHA-256，第 " + conduct.listsHashVersion() + " 版（问题来源只以承诺值计入）"))));
        blocks.add(new Heading("一、主体责任履责清单"));
        blocks.add(responsibilities(v.responsibilities));
        blocks.add(new Heading("二、所在单位问题清单"));
        blocks.add(problems(v, reader, sources));
        blocks.add(new Heading("三、重要廉政风险清单"));
        blocks.add(risks(v.risks));
        String subtitle =
                v.interviewee.unitName() + " · " + v.year + "年度" + (sources ? " · 内部资料：含保密来源，不得向被谈话单位提供" : "");
        return new OfficialDocument("三张清单交底书", subtitle, blocks, interviews.provenance(v));
    }

    private static Table responsibilities(List<ResponsibilityItem> items) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ResponsibilityItem r = items.get(i);
            rows.add(List.of(String.valueOf(i + 1), ListSheets.label(ListSheets.KINDS, r.kind()), r.text()));
        }
        return new Table(List.of("序号", "类型", "职责内容"), List.of(1, 2, 9), rows);
    }

    private Table problems(InterviewView v, Actor reader, boolean sources) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < v.problems.size(); i++) {
            ProblemItem p = v.problems.get(i);
            List<String> row = new ArrayList<>(List.of(
                    String.valueOf(i + 1),
                    p.aspect(),
                    p.description(),
                    ListSheets.label(ListSheets.CHANNELS, p.sourceChannel())));
            if (sources) {
                row.add(source(ReadableProblem.of(v.interviewId, p, reader, sealer)));
            }
            rows.add(row);
        }
        return sources
                ? new Table(List.of("序号", "问题方面", "问题描述", "问题来源", "保密来源"), List.of(1, 2, 6, 2, 3), rows)
                : new Table(List.of("序号", "问题方面", "问题描述", "问题来源"), List.of(1, 2, 7, 2), rows);
    }

    private static String source(ReadableProblem p) {
        if (Boolean.TRUE.equals(p.sourceErased())) {
            return "（已依规销毁）";
        }
        if (p.confidentialSource() == null) {
            return "—";
        }
        String reference = p.confidentialSource().reference();
        return p.confidentialSource().details()
                + (reference == null || reference.isBlank() ? "" : "（" + reference + "）");
    }

    private static Table risks(List<RiskItem> items) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            RiskItem r = items.get(i);
            rows.add(List.of(
                    String.valueOf(i + 1),
                    r.businessArea(),
                    r.description(),
                    r.typicalCases() == null ? "" : r.typicalCases(),
                    r.preventionExpectations() == null ? "" : r.preventionExpectations(),
                    r.level() == null ? "" : ListSheets.label(ListSheets.LEVELS, r.level())));
        }
        return new Table(List.of("序号", "业务领域", "风险描述", "典型案例", "防控要求", "等级"), List.of(1, 2, 4, 3, 3, 1), rows);
    }
}
