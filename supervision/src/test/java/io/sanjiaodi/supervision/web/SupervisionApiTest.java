package io.sanjiaodi.supervision.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.supervision.intake.SupervisionReplay;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each JSON endpoint cut to the reader's scope: a unit user sees its own unit, a district office
 * its district's subtree, a supervising body the units it supervises, the city office everything.
 */
class SupervisionApiTest extends WebLayerTest {

    @Test
    void theLedgersAreEveryLedgerForTheCityOfficeAndOnlyTheDistrictsForADistrictOffice() throws Exception {
        mvc.perform(get("/api/supervision/ledgers").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerId", hasSize(6)));
        mvc.perform(get("/api/supervision/ledgers").with(FENGHUA_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-fh-school", "ledger-fh-clinic")));
        mvc.perform(get("/api/supervision/ledgers?year=2019").with(FENGHUA_OFFICE))
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-fh-school")));
        mvc.perform(get("/api/supervision/ledgers").with(YUYAO_OFFICE))
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-yy-hospital")));
    }

    @Test
    void aUnitUserSeesOnlyItsOwnUnitsLedgersWhateverJurisdictionItAsksFor() throws Exception {
        mvc.perform(get("/api/supervision/ledgers").with(UNIT_LEADER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-nb-transport")))
                .andExpect(jsonPath("$[0].tasks[*].taskId", containsInAnyOrder("task-t1", "task-t2")))
                .andExpect(jsonPath("$[0].tasks[0].deadline").value("2019-03-22"));
        mvc.perform(get("/api/supervision/ledgers?jurisdictionId=yuyao").with(UNIT_LEADER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", empty()));
        mvc.perform(get("/api/supervision/ledgers").with(MockJwts.as("subunit-staff")))
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-nb-passenger")));
    }

    @Test
    void aSupervisingBodySeesTheUnitsItSupervisesAndNoOtherUnitOfItsJurisdiction() throws Exception {
        mvc.perform(get("/api/supervision/ledgers").with(STATIONED))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-nb-transport", "ledger-nb-passenger")));
        mvc.perform(get("/api/supervision/interviews").with(STATIONED))
                .andExpect(jsonPath("$[*].interviewId", containsInAnyOrder("iv-nb-transport", "iv-nb-passenger")));
        mvc.perform(get("/api/supervision/ledgers?jurisdictionId=fenghua").with(STATIONED))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", empty()));
    }

    @Test
    void aDistrictOfficeAskingForAnotherJurisdictionIsRefusedAndTheCityOfficeMayAskForAnyDistrict() throws Exception {
        for (String path : new String[] {
            "/api/supervision/ledgers",
            "/api/supervision/interviews",
            "/api/supervision/warnings",
            "/api/supervision/accountability",
            "/api/supervision/overview",
            "/api/supervision/evaluation?year=2019&",
            "/api/supervision/export/ledgers.csv"
        }) {
            String asked = path + (path.contains("?") ? "" : "?") + "jurisdictionId=yuyao";
            mvc.perform(get(asked).with(FENGHUA_OFFICE))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
            mvc.perform(get(asked).with(CITY_OFFICE)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/supervision/ledgers?jurisdictionId=yuyao").with(CITY_OFFICE))
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-yy-hospital")));
        mvc.perform(get("/api/supervision/ledgers?jurisdictionId=fenghua").with(FENGHUA_OFFICE))
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-fh-school", "ledger-fh-clinic")));
    }

    @Test
    void aLedgerPageHasTheLedgerAndItsInterviewForAReaderInScopeOnly() throws Exception {
        mvc.perform(get("/api/supervision/ledgers/ledger-nb-transport").with(UNIT_LEADER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledger.ledgerId").value("ledger-nb-transport"))
                .andExpect(jsonPath("$.ledger.unitName").value("市交通局"))
                .andExpect(jsonPath("$.interview.interviewId").value("iv-nb-transport"))
                .andExpect(jsonPath("$.interview.leadInterviewer").value("徐立"));
        mvc.perform(get("/api/supervision/ledgers/ledger-nb-health").with(UNIT_LEADER))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OUT_OF_SCOPE"));
        mvc.perform(get("/api/supervision/ledgers/ledger-yy-hospital").with(FENGHUA_OFFICE))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/supervision/ledgers/ledger-nb-passenger").with(STATIONED))
                .andExpect(status().isOk());
        mvc.perform(get("/api/supervision/ledgers/ledger-nb-health").with(STATIONED))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/supervision/ledgers/ledger-none").with(CITY_OFFICE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LEDGER_NOT_FOUND"));
        mvc.perform(get("/api/supervision/ledgers/not%20an%20id").with(CITY_OFFICE))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aLedgerWhoseInterviewIsNotKnownShowsAnEmptyInterview() throws Exception {
        LedgerRecord orphan = ledger("ledger-orphan", "fh-school", "奉化区实验学校", "fenghua", 2019);
        mongo.save(orphan);

        mvc.perform(get("/api/supervision/ledgers/ledger-orphan").with(FENGHUA_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ledger.ledgerId").value("ledger-orphan"))
                .andExpect(jsonPath("$.interview").isEmpty());
    }

    @Test
    void theInterviewsAreTheReadersOwn() throws Exception {
        mvc.perform(get("/api/supervision/interviews").with(UNIT_LEADER))
                .andExpect(jsonPath("$[*].interviewId", containsInAnyOrder("iv-nb-transport")));
        mvc.perform(get("/api/supervision/interviews?year=2018").with(FENGHUA_OFFICE))
                .andExpect(jsonPath("$[*].interviewId", containsInAnyOrder("iv-fh-clinic")));
        mvc.perform(get("/api/supervision/interviews").with(CITY_OFFICE)).andExpect(jsonPath("$", hasSize(6)));
    }

    @Test
    void theWarningsAreTheReadersOwnMostUrgentFirstAndALevelAsksForThatLevel() throws Exception {
        mvc.perform(get("/api/supervision/warnings").with(CITY_OFFICE))
                .andExpect(jsonPath(
                        "$[*].taskId",
                        org.hamcrest.Matchers.contains(
                                "task-c1", "task-t1", "task-y1", "task-h1", "task-f1", "task-p1")))
                .andExpect(jsonPath("$[0].level").value("RED"))
                .andExpect(jsonPath("$[0].daysLeft").value(-30));
        mvc.perform(get("/api/supervision/warnings?level=RED&year=2019").with(CITY_OFFICE))
                .andExpect(jsonPath("$[*].taskId", org.hamcrest.Matchers.contains("task-t1", "task-y1")));
        mvc.perform(get("/api/supervision/warnings").with(UNIT_LEADER))
                .andExpect(jsonPath("$[*].taskId", containsInAnyOrder("task-t1")));
        mvc.perform(get("/api/supervision/warnings").with(STATIONED))
                .andExpect(jsonPath("$[*].taskId", containsInAnyOrder("task-t1", "task-p1")));
        mvc.perform(get("/api/supervision/warnings?level=ORANGE").with(FENGHUA_OFFICE))
                .andExpect(jsonPath("$[*].taskId", containsInAnyOrder("task-f1")));
        mvc.perform(get("/api/supervision/warnings?level=NONE").with(CITY_OFFICE))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theEvaluationTableIsPerYearAndHasTheReadersUnitsOnly() throws Exception {
        mvc.perform(get("/api/supervision/evaluation?year=2019").with(FENGHUA_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-fh-school")))
                .andExpect(jsonPath("$[0].verifiedTaskIds[*]", containsInAnyOrder("task-f2")))
                .andExpect(jsonPath("$[0].score").value(90));
        mvc.perform(get("/api/supervision/evaluation?year=2019").with(UNIT_LEADER))
                .andExpect(jsonPath("$[*].ledgerId", containsInAnyOrder("ledger-nb-transport")))
                .andExpect(jsonPath("$[0].overdueTaskIds[*]", containsInAnyOrder("task-t1")));
        mvc.perform(get("/api/supervision/evaluation?year=2019").with(CITY_OFFICE))
                .andExpect(jsonPath("$", hasSize(5)));
        mvc.perform(get("/api/supervision/evaluation").with(CITY_OFFICE)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/supervision/evaluation?year=1999").with(CITY_OFFICE))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theAccountabilityCasesAreTheReadersUnitsOnly() throws Exception {
        mvc.perform(get("/api/supervision/accountability").with(CITY_OFFICE))
                .andExpect(jsonPath(
                        "$[*].caseId",
                        containsInAnyOrder("case-transport", "case-health", "case-hospital", "case-school")));
        mvc.perform(get("/api/supervision/accountability").with(FENGHUA_OFFICE))
                .andExpect(jsonPath("$[*].caseId", containsInAnyOrder("case-school")));
        mvc.perform(get("/api/supervision/accountability").with(UNIT_LEADER))
                .andExpect(jsonPath("$[*].caseId", containsInAnyOrder("case-transport")))
                .andExpect(jsonPath("$[0].grounds").value("逾期未整改"));
        mvc.perform(get("/api/supervision/accountability").with(STATIONED))
                .andExpect(jsonPath("$[*].caseId", containsInAnyOrder("case-transport")));
    }

    @Test
    void theOverviewCountsOnlyTheReadersUnits() throws Exception {
        mvc.perform(get("/api/supervision/overview?year=2019").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.interviewsHeld").value(5))
                .andExpect(jsonPath("$.ledgers").value(5))
                .andExpect(jsonPath("$.tasks").value(7))
                .andExpect(jsonPath("$.accountabilityCases").value(4));
        mvc.perform(get("/api/supervision/overview?year=2019").with(UNIT_LEADER))
                .andExpect(jsonPath("$.interviewsHeld").value(1))
                .andExpect(jsonPath("$.ledgers").value(1))
                .andExpect(jsonPath("$.tasks").value(2))
                .andExpect(jsonPath("$.tasksOverdue").value(1))
                .andExpect(jsonPath("$.warnings.red").value(1))
                .andExpect(jsonPath("$.warnings.orange").value(0));
        mvc.perform(get("/api/supervision/overview").with(FENGHUA_OFFICE))
                .andExpect(jsonPath("$.jurisdictionId").value("fenghua"))
                .andExpect(jsonPath("$.ledgers").value(2))
                .andExpect(jsonPath("$.tasksOverdue").value(1));
        mvc.perform(get("/api/supervision/overview?year=2019").with(STATIONED))
                .andExpect(jsonPath("$.ledgers").value(2))
                .andExpect(jsonPath("$.warnings.yellow").value(1))
                .andExpect(jsonPath("$.warnings.red").value(1));
    }

    @Test
    void aRebuildIsStartedOnceAndItsProgressIsReported() throws Exception {
        when(intake.rebuild()).thenReturn(true, false);
        mvc.perform(post("/api/supervision/rebuild").with(CITY_OFFICE))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("rebuilding"));
        mvc.perform(post("/api/supervision/rebuild").with(MockJwts.as("admin")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("already rebuilding"));

        when(intake.isRebuilding()).thenReturn(true);
        when(intake.lastRebuild()).thenReturn(Optional.empty());
        mvc.perform(get("/api/supervision/rebuild").with(MockJwts.as("auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rebuilding").value(true))
                .andExpect(jsonPath("$.last").doesNotExist());

        when(intake.isRebuilding()).thenReturn(false);
        when(intake.lastRebuild()).thenReturn(Optional.of(new SupervisionReplay.Result(1200, 800, 2, 600)));
        mvc.perform(get("/api/supervision/rebuild").with(CITY_OFFICE))
                .andExpect(jsonPath("$.rebuilding").value(false))
                .andExpect(jsonPath("$.last.events").value(1200))
                .andExpect(jsonPath("$.last.changed").value(800))
                .andExpect(jsonPath("$.last.failedAggregates").value(2))
                .andExpect(jsonPath("$.last.millis").value(600))
                .andExpect(jsonPath("$.last.eventsPerSecond").value(2000));
    }

    @Test
    void theDashboardsSignInSettingsNameTheAuthServerWithoutATrailingSlash() throws Exception {
        mvc.perform(get("/dashboard/config.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authServerUrl").value("http://localhost:9000"))
                .andExpect(jsonPath("$.clientId").value("dashboard"))
                .andExpect(jsonPath("$.scope").value("openid profile"));
        mvc.perform(get("/dashboard"))
                .andExpect(status().is3xxRedirection())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/dashboard/"));
        mvc.perform(get("/dashboard/"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl(
                        "/dashboard/index.html"));
    }
}
