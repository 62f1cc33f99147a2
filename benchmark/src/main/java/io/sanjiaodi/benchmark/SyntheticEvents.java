package io.sanjiaodi.benchmark;

/**
 * Payloads shaped like the published events (field names as in contracts/), for the 33 steps of
 * one interview and its ledger. Only what the supervision projector reads needs to be right; the
 * rest gives the records a realistic size.
 */
final class SyntheticEvents {

    private SyntheticEvents() {}

    static String type(int step) {
        if (step == 0) {
            return "InterviewScheduled";
        }
        if (step <= 9) {
            return step <= 3 ? "ResponsibilityItemAdded" : step <= 6 ? "ProblemItemAdded" : "RiskItemAdded";
        }
        if (step == 10) {
            return "InterviewConducted";
        }
        int s = step - 11;
        if (s == 0) {
            return "RectificationOpened";
        }
        if (s <= 18) {
            return s <= 6 ? "TaskPlanned" : s <= 12 ? "ProgressReported" : "TaskVerified";
        }
        return s == 19 ? "WrittenReportFiled" : s == 20 ? "TrackingEvaluationFiled" : "RectificationClosed";
    }

    static String payload(int step, String interview) {
        String ledger = "ledger-" + interview;
        String type = type(step);
        int task = step <= 10 ? 0 : (step - 12) % 6;
        return switch (type) {
            case "InterviewScheduled" -> """
                    {"interviewId":"%s","interviewee":{"name":"压测对象","position":"党委书记","unitId":"u-%1$s","unitName":"压测单位",
                    "jurisdictionId":"ningbo","cadreLevel":"CITY_MANAGED","appointmentDate":"2018-10-20"},
                    "plannedDate":"2018-11-15","place":"市纪委谈话室","leadInterviewer":{"personId":"nb-secretary","name":"陈明"}}""".formatted(interview);
            case "InterviewConducted" ->
                """
                    {"interviewId":"%s","conductedOn":"2018-11-15","place":"市纪委谈话室",
                    "leadInterviewer":{"personId":"nb-secretary","name":"陈明"},"listsHash":"9f2c1a","listsHashVersion":2,"lists":{
                    "responsibilities":[%s],"problems":[%s],"risks":[%s]}}""".formatted(
                        interview,
                        items("r", "\"text\":\"每年专题研究党风廉政建设不少于两次\""),
                        items(
                                "p",
                                "\"aspect\":\"制度建设\",\"description\":\"选人用人制度执行不严\",\"sourceChannel\":\"PETITION_REPORT\",\"sealedSource\":{\"commitment\":\"5e0f3c\",\"ciphertext\":\"c2VhbGVkIHNvdXJjZSBzdGFuZC1pbg==\"}"),
                        items("k", "\"businessArea\":\"工程建设\",\"description\":\"拆分工程项目规避公开招标\",\"level\":\"HIGH\""));
            case "RectificationOpened" -> """
                    {"ledgerId":"%s","interviewId":"%s","unitId":"u-%2$s","unitName":"压测单位","jurisdictionId":"ningbo",
                    "conductedOn":"2018-11-15","planDueOn":"2018-11-30","writtenReportDueOn":"2019-11-15","tasks":[%s]}""".formatted(ledger, interview, tasks());
            case "TaskPlanned" -> """
                    {"ledgerId":"%s","taskId":"t%d","responsibleLeader":"分管副职","responsibleDepartment":"办公室",
                    "measures":"对照清单逐项整改，建章立制","deadline":"2019-03-31"}""".formatted(ledger, task);
            case "ProgressReported" -> """
                    {"ledgerId":"%s","taskId":"t%d","reportId":"r%2$d","reportedOn":"2019-01-10","text":"已完成制度修订"}""".formatted(ledger, task);
            case "TaskVerified" -> """
                    {"ledgerId":"%s","taskId":"t%d","verifiedOn":"2019-03-01","comment":"照单督查、对账销号"}""".formatted(ledger, task);
            case "WrittenReportFiled" -> """
                    {"ledgerId":"%s","filedOn":"2019-10-01","registrationNumber":"WR-1","late":false}""".formatted(ledger);
            case "TrackingEvaluationFiled" -> """
                    {"ledgerId":"%s","supervisingBody":"派驻纪检监察组","summary":"整改到位，同意销号"}""".formatted(ledger);
            case "RectificationClosed" -> """
                    {"ledgerId":"%s","closedOn":"2019-10-02"}""".formatted(ledger);
            default -> """
                    {"interviewId":"%s","itemId":"i%d","text":"清单事项","description":"清单事项说明"}""".formatted(interview, step);
        };
    }

    private static String items(String prefix, String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"itemId\":\"")
                    .append(prefix)
                    .append(i)
                    .append("\",")
                    .append(body)
                    .append('}');
        }
        return out.toString();
    }

    private static String tasks() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.append(i == 0 ? "" : ",")
                    .append("{\"taskId\":\"t")
                    .append(i)
                    .append("\",\"kind\":\"")
                    .append(i < 3 ? "PROBLEM_RECTIFICATION" : "RISK_PREVENTION")
                    .append("\",\"aspect\":\"制度建设\",\"text\":\"对照问题整改\"}");
        }
        return out.toString();
    }
}
