package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import io.sanjiaodi.contracts.interview.ListItems.*;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.contracts.interview.ResponsibilityItemAdded;
import io.sanjiaodi.contracts.interview.RiskItemAdded;
import io.sanjiaodi.interview.command.interview.InterviewCommands.ConductInterview;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** Test data from the source scenarios (docs/domain.md §5). */
final class Given {

    static final InterviewId ID = new InterviewId("iv-1");
    static final LocalDate TALK = LocalDate.of(2018, 11, 15);

    static final Official SECRETARY =
            new Official("nb-secretary", "陈明", "市纪委书记", OfficialRole.CITY_SECRETARY, "ningbo", null);
    static final Official DEPUTY =
            new Official("nb-deputy-1", "林晓", "市纪委副书记", OfficialRole.CITY_DEPUTY_SECRETARY, "ningbo", null);
    static final Official OTHER_DEPUTY =
            new Official("nb-deputy-2", "周红", "市纪委副书记", OfficialRole.CITY_DEPUTY_SECRETARY, "ningbo", null);
    static final Official DIRECTOR = new Official(
            "nb-office-1-director", "王强", "第一纪检监察室主任", OfficialRole.SUPERVISION_OFFICE_DIRECTOR, "ningbo", null);
    static final Official YUYAO_SECRETARY =
            new Official("yy-secretary", "徐立", "余姚市纪委书记", OfficialRole.DISTRICT_SECRETARY, "yuyao", null);
    static final Official JIANGBEI_SECRETARY =
            new Official("jb-secretary", "郑伟", "江北区纪委书记", OfficialRole.DISTRICT_SECRETARY, "jiangbei", null);
    static final Official TRANSPORT_GROUP_HEAD = new Official(
            "nb-stationed-transport",
            "吴刚",
            "驻市交通局纪检监察组组长",
            OfficialRole.STATIONED_AGENCY_HEAD,
            "ningbo",
            Set.of("nb-transport", "nb-road-transport"));

    static final Interviewee TRANSPORT_LEADER = new Interviewee(
            "张某", "党委书记、局长", "nb-transport", "市交通局", "ningbo", CadreLevel.CITY_MANAGED, LocalDate.of(2018, 10, 30));
    static final Interviewee HOSPITAL_LEADER = new Interviewee(
            "某某", "党委书记", "yy-hospital", "余姚市人民医院", "yuyao", CadreLevel.COUNTY_MANAGED, LocalDate.of(2019, 1, 2));
    static final Interviewee ROAD_TRANSPORT_LEADER = new Interviewee(
            "李某",
            "党委书记",
            "nb-road-transport",
            "市道路运输管理局",
            "ningbo",
            CadreLevel.CITY_DEPARTMENT_MANAGED,
            LocalDate.of(2018, 9, 1));

    static final InterviewScheduled SCHEDULED =
            new InterviewScheduled("iv-1", TRANSPORT_LEADER, TALK, "市纪委监委谈话室", SECRETARY.ref());

    static final ResponsibilityItem DUTY =
            new ResponsibilityItem("d1", ResponsibilityKind.REQUIRED, "每年至少两次专题研究党风廉政建设", "tpl-2018");
    /** A problem as the web layer sends it: its source sealed (the values stand in for real ones). */
    static final ProblemItem PROBLEM = new ProblemItem(
            "p1",
            "工程建设",
            "招投标监管不到位",
            SourceChannel.PETITION_REPORT,
            null,
            new SealedSource("c0ffee".repeat(10) + "c0ffee01", "bm9uY2UxMjM0NTY3Y2lwaGVydGV4dA=="));
    /** A problem of an event written before sources were sealed: its source in clear. */
    static final ProblemItem LEGACY_PROBLEM = new ProblemItem(
            "p1",
            "工程建设",
            "招投标监管不到位",
            SourceChannel.PETITION_REPORT,
            new ConfidentialSource("实名举报人：某某", "信访件 2018-117"));

    static final RiskItem RISK = new RiskItem("k1", "道路运输", "运输许可审批存在廉政风险", "某地运管所受贿案", "审批全程留痕", RiskLevel.HIGH);

    static final ResponsibilityItemAdded DUTY_ADDED = new ResponsibilityItemAdded("iv-1", DUTY, 1);
    static final ProblemItemAdded PROBLEM_ADDED = new ProblemItemAdded("iv-1", PROBLEM, 2);
    static final RiskItemAdded RISK_ADDED = new RiskItemAdded("iv-1", RISK, 3);

    static final Signature SIGNED = new Signature("张某", Instant.parse("2018-11-15T02:30:00Z"));

    static ConductInterview conductBy(Official lead, boolean confirmNoProblems) {
        return new ConductInterview(
                ID, TALK, "市纪委监委谈话室", lead, DIRECTOR.ref(), "谈话要点：落实主体责任", SIGNED, SIGNED, confirmNoProblems);
    }

    static PersonRef ref(Official official) {
        return official.ref();
    }

    private Given() {}
}
