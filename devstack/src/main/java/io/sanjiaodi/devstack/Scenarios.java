package io.sanjiaodi.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The five scenarios of the source report (docs/domain.md §5), as the data an interviewer enters. */
final class Scenarios {

    record Scenario(
            Map<String, Object> interviewee,
            String talkDate,
            String place,
            String leadId,
            String entrustedById,
            String handedOverById,
            String recordSummary,
            List<String> customDuties,
            List<Map<String, Object>> problems,
            List<Map<String, Object>> risks) {}

    static final List<String> CITY_REQUIRED_ACTIONS = List.of(
            "每年至少两次专题研究党风廉政建设和反腐败工作",
            "与班子成员及下属单位主要负责人开展廉政谈话",
            "每年向上级党委、纪委书面报告履行主体责任情况",
            "组织开展警示教育，通报典型案例",
            "落实“三重一大”集体决策制度");

    static final List<Scenario> ALL = List.of(
            new Scenario(
                    interviewee("陈某", "党组书记、局长", "nb-coop", "市支援合作局", "ningbo", "CITY_MANAGED", "2018-09-20"),
                    "2018-10-18",
                    "市纪委监委谈话室",
                    "nb-secretary",
                    null,
                    "nb-office-1-director",
                    "通报前期调查发现的4个方面15个问题，要求逐项建立整改台账，明确责任领导、责任部门和整改时限。",
                    List.of("建立健全对口支援项目资金监管制度"),
                    coopProblems(),
                    List.of(
                            risk("对口支援项目", "援建项目资金拨付审核不严", "某地援建资金挪用案", "资金拨付全程留痕、双人复核", "HIGH"),
                            risk("公务接待", "对口交流接待超标准", "违规公款吃喝典型案例", "严格执行接待标准和审批", "MEDIUM"))),
            new Scenario(
                    interviewee("张某", "党委书记、局长", "nb-transport", "市交通局", "ningbo", "CITY_MANAGED", "2018-10-30"),
                    "2018-11-15",
                    "市纪委监委谈话室",
                    "nb-deputy-1",
                    "nb-secretary",
                    "nb-office-1-director",
                    "受市纪委书记委托，市纪委副书记主谈；当天下午局党委专题学习三张清单，次日下发至客运、道路运输、港航等下属单位。",
                    List.of("督促下属单位逐级签订党风廉政建设责任书"),
                    List.of(
                            problem("工程建设", "部分下属单位工程项目招投标监管不到位", "INSPECTION_TOUR", null),
                            problem("行政审批", "道路运输许可审批时限执行不严", "DAILY_SUPERVISION", null),
                            problem("作风建设", "个别干部违规接受管理服务对象宴请", "PETITION_REPORT", "实名举报，信访件 2018-117")),
                    List.of(
                            risk("道路运输", "运输许可审批环节存在廉政风险", "某运管所工作人员受贿案", "审批全程留痕、定期轮岗", "HIGH"),
                            risk("港航管理", "港口经营许可和执法检查自由裁量权大", "港航执法人员违纪案例", "规范执法裁量基准", "MEDIUM"))),
            new Scenario(
                    interviewee("某某", "党委书记", "yy-hospital", "余姚市人民医院", "yuyao", "COUNTY_MANAGED", "2019-01-02"),
                    "2019-03-01",
                    "余姚市纪委监委谈话室",
                    "yy-secretary",
                    null,
                    "yy-secretary",
                    "通报9个问题，要求在耗材采购、医药代表接待、监督制度、警示教育四个方面整改。",
                    List.of("建立医药代表接待登记制度"),
                    hospitalProblems(),
                    List.of(
                            risk("医用耗材采购", "耗材遴选和采购环节存在利益输送风险", "某医院耗材采购受贿案", "阳光采购、全程公开", "HIGH"),
                            risk("医药代表接待", "医药代表私下接触医生推销药品", "医生收受回扣典型案例", "定时定点接待、登记备案", "HIGH"))),
            new Scenario(
                    interviewee(
                            "刘某",
                            "党支部书记、主任",
                            "jb-project-centre",
                            "江北区公共项目建设管理中心",
                            "jiangbei",
                            "COUNTY_MANAGED",
                            "2019-02-01"),
                    "2019-03-12",
                    "江北区纪委监委谈话室",
                    "jb-secretary",
                    null,
                    "jb-secretary",
                    "三个月后提交书面报告；中马街道纪工委跟踪检查拆分工程项目、食堂管理、国有资产出租等风险点。",
                    List.of(),
                    List.of(problem("工程建设", "个别项目存在拆分发包规避公开招标的情况", "DAILY_SUPERVISION", null)),
                    List.of(
                            risk("工程建设", "拆分工程项目规避公开招标", "某街道拆分工程案例", "建立项目立项联审机制", "HIGH"),
                            risk("食堂管理", "机关食堂采购和账务管理不规范", "食堂采购虚报冒领案例", "采购公开、账目公示", "MEDIUM"),
                            risk("资产管理", "国有资产出租未公开招租、租金偏低", "国有房产低价出租案例", "统一公开招租", "MEDIUM"))),
            new Scenario(
                    interviewee(
                            "黄某",
                            "党组书记、主席",
                            "fh-womens-federation",
                            "奉化区妇联",
                            "fenghua",
                            "COUNTY_MANAGED",
                            "2019-03-01"),
                    "2019-03-20",
                    "奉化区纪委监委谈话室",
                    "fh-secretary",
                    null,
                    "fh-secretary",
                    "派驻纪检监察组将在谈话后两个月内开展首次清单对账式阶段评估。",
                    List.of("每季度听取派驻纪检监察组意见"),
                    List.of(
                            problem("财务管理", "专项经费使用审批手续不全", "DAILY_SUPERVISION", null),
                            problem("制度建设", "“三重一大”事项议事规则不健全", "INSPECTION_TOUR", null)),
                    List.of(risk("专项资金", "妇女儿童专项资金发放审核不严", "专项资金冒领案例", "发放名单公示", "MEDIUM"))));

    private static List<Map<String, Object>> coopProblems() {
        String[][] byAspect = {
            {"党的建设", "党组理论学习中心组学习不规范", "“三会一课”制度落实不到位", "基层党组织换届不及时", "党建责任制考核流于形式"},
            {"选人用人", "干部选拔任用程序执行不严", "干部档案管理不规范", "轮岗交流制度落实不到位"},
            {"财务管理", "对口支援资金拨付审核不严", "公务卡结算制度执行不到位", "固定资产账实不符", "差旅费报销把关不严"},
            {"作风建设", "公务接待超标准", "公车使用登记不规范", "会议费管理不严", "督查检查过多过频"}
        };
        List<Map<String, Object>> problems = new ArrayList<>();
        for (String[] aspect : byAspect) {
            for (int i = 1; i < aspect.length; i++) {
                problems.add(problem(aspect[0], aspect[i], "DISCIPLINARY_REVIEW", null));
            }
        }
        return problems;
    }

    private static List<Map<String, Object>> hospitalProblems() {
        return List.of(
                problem("耗材采购", "医用耗材遴选程序不规范", "DISCIPLINARY_REVIEW", null),
                problem("耗材采购", "部分耗材未经集中采购", "INTEGRITY_INFORMATION_SYSTEM", null),
                problem("耗材采购", "耗材使用量异常未预警", "INTEGRITY_INFORMATION_SYSTEM", null),
                problem("医药代表接待", "医药代表进入诊疗区域推销", "PETITION_REPORT", "匿名举报，信访件 2019-021"),
                problem("医药代表接待", "接待医药代表未登记", "DAILY_SUPERVISION", null),
                problem("监督制度", "纪委监督检查制度不健全", "INSPECTION_TOUR", null),
                problem("监督制度", "处方点评制度执行不到位", "DAILY_SUPERVISION", null),
                problem("警示教育", "警示教育覆盖面不足", "DAILY_SUPERVISION", null),
                problem("警示教育", "典型案例通报不及时", "INSPECTION_TOUR", null));
    }

    private static Map<String, Object> interviewee(
            String name,
            String position,
            String unitId,
            String unitName,
            String jurisdictionId,
            String cadreLevel,
            String appointmentDate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("position", position);
        m.put("unitId", unitId);
        m.put("unitName", unitName);
        m.put("jurisdictionId", jurisdictionId);
        m.put("cadreLevel", cadreLevel);
        m.put("appointmentDate", appointmentDate);
        return m;
    }

    private static Map<String, Object> problem(String aspect, String description, String channel, String confidential) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("aspect", aspect);
        m.put("description", description);
        m.put("sourceChannel", channel);
        if (confidential != null) {
            m.put(
                    "confidentialSource",
                    Map.of("details", confidential, "reference", confidential.replaceAll(".*，", "")));
        }
        return m;
    }

    private static Map<String, Object> risk(
            String area, String description, String cases, String prevention, String level) {
        return Map.of(
                "businessArea",
                area,
                "description",
                description,
                "typicalCases",
                cases,
                "preventionExpectations",
                prevention,
                "level",
                level);
    }

    private Scenarios() {}
}
