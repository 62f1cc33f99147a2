package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roles of the token, and the access rules built from them. */
class RoleTest {

    @Test
    void onlyTheUnitsLeaderAndStaffAreUnitRoles() {
        assertThat(EnumSet.allOf(Role.class))
                .filteredOn(Role::isUnitRole)
                .containsExactlyInAnyOrder(Role.UNIT_LEADER, Role.UNIT_STAFF);
    }

    /** Spring Security's hasRole checks read ROLE_ and the claim's value. */
    @Test
    void aRolesSpringAuthorityIsItsNameWithTheRolePrefix() {
        assertThat(Role.SUPERVISING_BODY.authority()).isEqualTo("ROLE_SUPERVISING_BODY");
        assertThat(Role.ADMIN.authority()).isEqualTo("ROLE_ADMIN");
    }

    @Test
    void anAccessRuleAdmitsTheRolesItNames() {
        AccessRule rule = AccessRule.of("GET", "/api/interviews/*", Role.LEADERSHIP, Role.AUDITOR);
        assertThat(rule.method()).isEqualTo("GET");
        assertThat(rule.pattern()).isEqualTo("/api/interviews/*");
        assertThat(rule.roles()).containsExactlyInAnyOrder(Role.LEADERSHIP, Role.AUDITOR);
    }

    @Test
    void anAccessRuleNamingNoRoleAdmitsNone() {
        assertThat(AccessRule.of("DELETE", "/api/anything").roles()).isEmpty();
        assertThat(AccessRule.of("GET", "/x", List.of(Role.ADMIN).toArray(Role[]::new))
                        .roles())
                .containsExactly(Role.ADMIN);
    }
}
