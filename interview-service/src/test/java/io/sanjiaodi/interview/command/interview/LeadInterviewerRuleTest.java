package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.platform.Refusal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadInterviewerRuleTest {

    private static String code(Optional<Refusal> refusal) {
        return refusal.map(Refusal::code).orElse("ALLOWED");
    }

    @Test
    void cityManagedLeadersAreForTheSecretaryOrAnEntrustedDeputy() {
        assertThat(code(LeadInterviewerRule.check(TRANSPORT_LEADER, SECRETARY, null)))
                .isEqualTo("ALLOWED");
        assertThat(code(LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, SECRETARY)))
                .isEqualTo("ALLOWED");
        assertThat(code(LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, null)))
                .isEqualTo("ENTRUSTMENT_REQUIRED");
        assertThat(code(LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, DIRECTOR)))
                .isEqualTo("ENTRUSTER_NOT_CITY_SECRETARY");
        assertThat(code(LeadInterviewerRule.check(TRANSPORT_LEADER, DIRECTOR, SECRETARY)))
                .isEqualTo("LEAD_NOT_CITY_SECRETARY");
        assertThat(code(LeadInterviewerRule.check(TRANSPORT_LEADER, YUYAO_SECRETARY, null)))
                .isEqualTo("LEAD_NOT_CITY_SECRETARY");
    }

    @Test
    void countyManagedLeadersAreForTheirOwnDistrictsSecretaryOnly() {
        assertThat(code(LeadInterviewerRule.check(HOSPITAL_LEADER, YUYAO_SECRETARY, null)))
                .isEqualTo("ALLOWED");
        assertThat(code(LeadInterviewerRule.check(HOSPITAL_LEADER, JIANGBEI_SECRETARY, null)))
                .isEqualTo("LEAD_NOT_DISTRICT_SECRETARY");
        assertThat(code(LeadInterviewerRule.check(HOSPITAL_LEADER, SECRETARY, null)))
                .isEqualTo("LEAD_NOT_DISTRICT_SECRETARY");
    }

    @Test
    void departmentManagedLeadersAreForTheHeadOfTheStationedAgencySupervisingTheirUnit() {
        assertThat(code(LeadInterviewerRule.check(ROAD_TRANSPORT_LEADER, TRANSPORT_GROUP_HEAD, null)))
                .isEqualTo("ALLOWED");
        Interviewee elsewhere =
                new Interviewee("某", "书记", "nb-health", "市卫健委下属单位", "ningbo", CadreLevel.CITY_DEPARTMENT_MANAGED, null);
        assertThat(code(LeadInterviewerRule.check(elsewhere, TRANSPORT_GROUP_HEAD, null)))
                .isEqualTo("LEAD_NOT_STATIONED_AGENCY_HEAD");
        assertThat(code(LeadInterviewerRule.check(ROAD_TRANSPORT_LEADER, SECRETARY, null)))
                .isEqualTo("LEAD_NOT_STATIONED_AGENCY_HEAD");
    }

    /** A refusal names the official it refused, with their post and jurisdiction, so the record says who. */
    @Test
    void aRefusalNamesTheOfficialItRefused() {
        assertThat(LeadInterviewerRule.check(HOSPITAL_LEADER, JIANGBEI_SECRETARY, null)
                        .orElseThrow()
                        .getMessage())
                .contains("district yuyao")
                .endsWith("not by 郑伟 (DISTRICT_SECRETARY, jiangbei)");
        assertThat(LeadInterviewerRule.check(TRANSPORT_LEADER, DEPUTY, DIRECTOR)
                        .orElseThrow()
                        .getMessage())
                .endsWith("not 王强 (SUPERVISION_OFFICE_DIRECTOR, ningbo)");
    }

    @Test
    void withoutACadreManagementLevelNoOneMayLead() {
        Interviewee unknown = new Interviewee("某", "书记", "nb-transport", "市交通局", "ningbo", null, null);
        for (Official lead : java.util.List.of(SECRETARY, YUYAO_SECRETARY, TRANSPORT_GROUP_HEAD)) {
            assertThat(code(LeadInterviewerRule.check(unknown, lead, null))).isEqualTo("CADRE_LEVEL_REQUIRED");
        }
    }
}
