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
}
