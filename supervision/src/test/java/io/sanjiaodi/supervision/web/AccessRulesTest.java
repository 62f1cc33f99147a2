package io.sanjiaodi.supervision.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.security.Role;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may call which supervision endpoint: the root README's access table, role by role. */
class AccessRulesTest extends WebLayerTest {

    /** A demo user of each role. */
    static final Map<Role, String> USERS = Map.of(
            Role.LEADERSHIP, "leader",
            Role.SUPERVISION_OFFICE, "office",
            Role.SUPERVISING_BODY, "stationed",
            Role.UNIT_LEADER, "unit-leader",
            Role.UNIT_STAFF, "unit-staff",
            Role.AUDITOR, "auditor",
            Role.ADMIN, "admin");

    static final Set<Role> READERS = EnumSet.complementOf(EnumSet.of(Role.ADMIN));

    @Test
    void everyReaderButTheAdministratorMayReadTheFiguresListsAndExports() throws Exception {
        for (String path : new String[] {
            "/api/supervision/overview",
            "/api/supervision/ledgers",
            "/api/supervision/ledgers/ledger-nb-transport",
            "/api/supervision/interviews",
            "/api/supervision/warnings",
            "/api/supervision/evaluation?year=2019",
            "/api/supervision/accountability",
            "/api/supervision/export/ledgers.csv",
            "/api/supervision/export/overdue.xlsx",
            "/api/supervision/export/evaluation.csv?year=2019"
        }) {
            expectOnly(READERS, get(path));
        }
    }

    @Test
    void onlyTheAdministratorAndTheOfficeMayStartARebuildAndAuditorsMayWatchIt() throws Exception {
        expectOnly(EnumSet.of(Role.ADMIN, Role.SUPERVISION_OFFICE), post("/api/supervision/rebuild"));
        expectOnly(EnumSet.of(Role.ADMIN, Role.SUPERVISION_OFFICE, Role.AUDITOR), get("/api/supervision/rebuild"));
    }

    @Test
    void nothingIsAnsweredWithoutAToken() throws Exception {
        for (String path : new String[] {
            "/api/supervision/overview", "/api/supervision/ledgers", "/api/supervision/export/ledgers.csv"
        }) {
            mvc.perform(get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("AUTHENTICATION_REQUIRED"));
        }
        mvc.perform(post("/api/supervision/rebuild")).andExpect(status().isUnauthorized());
    }

    private void expectOnly(Set<Role> allowed, MockHttpServletRequestBuilder request) throws Exception {
        for (Role role : Role.values()) {
            var response = mvc.perform(request.with(MockJwts.as(USERS.get(role))));
            if (allowed.contains(role)) {
                response.andExpect(result -> {
                    int status = result.getResponse().getStatus();
                    if (status >= 300) {
                        throw new AssertionError(role + " was refused "
                                + request.buildRequest(null).getRequestURI() + ": " + status + " "
                                + result.getResponse().getContentAsString());
                    }
                });
            } else {
                response.andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
            }
        }
    }
}
