package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who the token says is acting, and what that actor may see (README, Security: roles and scope). */
class ActorTest {

    static Actor demo(String userId) {
        TestTokens.User u = TestTokens.user(userId);
        return new Actor(u.id(), u.name(), u.role(), u.jurisdictionId(), u.unitId(), u.supervisedUnitIds());
    }

    static Actor withRole(Role role) {
        return new Actor("x", "x", role, "ningbo", "nb-transport", List.of("nb-transport"));
    }

    // ---- confidential sources: LEADERSHIP, SUPERVISION_OFFICE and AUDITOR only

    @ParameterizedTest
    @ValueSource(strings = {"leader", "office", "office-fenghua", "auditor"})
    void theCommissionMaySeeAProblemsConfidentialSource(String userId) {
        assertThat(demo(userId).maySeeConfidentialSources()).isTrue();
    }

    @Test
    void aSupervisingBodyNeverSeesAProblemsConfidentialSource() {
        assertThat(demo("stationed").role()).isEqualTo(Role.SUPERVISING_BODY);
        assertThat(demo("stationed").maySeeConfidentialSources()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unit-leader", "unit-staff", "subunit-staff"})
    void aUnitUserNeverSeesAProblemsConfidentialSource(String userId) {
        assertThat(demo(userId).maySeeConfidentialSources()).isFalse();
    }

    /** The administrator keeps templates, people and settings; who reported a problem is not theirs to read. */
    @Test
    void anAdministratorDoesNotSeeAProblemsConfidentialSource() {
        assertThat(demo("admin").maySeeConfidentialSources()).isFalse();
    }

    @Test
    void anActorWithoutAKnownRoleSeesNoConfidentialSource() {
        assertThat(withRole(null).maySeeConfidentialSources()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void exactlyTheThreeCommissionReadingRolesSeeConfidentialSources(Role role) {
        assertThat(withRole(role).maySeeConfidentialSources())
                .isEqualTo(role == Role.LEADERSHIP || role == Role.SUPERVISION_OFFICE || role == Role.AUDITOR);
    }

    // ---- the token's claims

    @Test
    void theActorIsReadFromTheTokensClaims() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("stationed")
                .claim("name", "吴刚")
                .claim("roles", List.of("SUPERVISING_BODY"))
                .claim("jurisdiction_id", "ningbo")
                .claim("unit_id", "nb-stationed")
                .claim("supervised_unit_ids", List.of("nb-transport", "nb-road-transport"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        assertThat(Actor.fromJwt(jwt))
                .isEqualTo(new Actor(
                        "stationed",
                        "吴刚",
                        Role.SUPERVISING_BODY,
                        "ningbo",
                        "nb-stationed",
                        List.of("nb-transport", "nb-road-transport")));
    }

    @Test
    void theRoleIsTheFirstKnownRoleOfTheClaim() {
        assertThat(Actor.firstRole(List.of("EMPEROR", "auditor", "ADMIN"))).isEqualTo(Role.AUDITOR);
        assertThat(Actor.firstRole(Arrays.asList(null, "ADMIN"))).isEqualTo(Role.ADMIN);
        assertThat(Actor.firstRole(" unit_leader ")).isEqualTo(Role.UNIT_LEADER);
    }

    @Test
    void aClaimNamingNoKnownRoleGivesNoRole() {
        assertThat(Actor.firstRole(List.of("EMPEROR", "ROLE_ADMIN"))).isNull();
        assertThat(Actor.firstRole(List.of())).isNull();
        assertThat(Actor.firstRole("EMPEROR")).isNull();
        assertThat(Actor.firstRole(null)).isNull();
    }

    @Test
    void anActorIsOneOfTheRolesNamedOnlyWhenItHoldsOne() {
        Actor office = demo("office");
        assertThat(office.is(Role.SUPERVISION_OFFICE)).isTrue();
        assertThat(office.is(Role.LEADERSHIP, Role.SUPERVISION_OFFICE)).isTrue();
        assertThat(office.is(Role.LEADERSHIP, Role.AUDITOR)).isFalse();
        assertThat(office.is()).isFalse();
        assertThat(withRole(null).is(Role.values())).isFalse();
    }

    // ---- scope of single records

    @Test
    void anActorWithoutARoleMayAccessNoUnit() {
        assertThat(withRole(null).mayAccessUnit("nb-transport", "ningbo")).isFalse();
    }

    @Test
    void aUnitUserAccessesItsOwnUnitOnly() {
        Actor leader = demo("unit-leader");
        assertThat(leader.mayAccessUnit("nb-transport", "ningbo")).isTrue();
        assertThat(leader.mayAccessUnit("nb-passenger-transport", "ningbo")).isFalse();
        Actor withoutUnit = new Actor("x", "x", Role.UNIT_STAFF, "ningbo", null, List.of());
        assertThat(withoutUnit.mayAccessUnit(null, "ningbo")).isFalse();
    }

    @Test
    void aSupervisingBodyAccessesTheUnitsItSupervisesOnly() {
        Actor stationed = demo("stationed");
        assertThat(stationed.mayAccessUnit("nb-port-shipping", "ningbo")).isTrue();
        assertThat(stationed.mayAccessUnit("nb-coop", "ningbo")).isFalse();
        assertThat(stationed.mayAccessUnit(null, "ningbo")).isFalse();
    }

    @Test
    void theCommissionAccessesItsJurisdictionAndWhatLiesBelow() {
        assertThat(demo("office").mayAccessUnit("fh-school", "fenghua")).isTrue();
        assertThat(demo("office-fenghua").mayAccessUnit("nb-transport", "ningbo"))
                .isFalse();
        assertThat(demo("office-fenghua").mayAccessJurisdiction("fenghua")).isTrue();
        assertThat(demo("office-fenghua").mayAccessJurisdiction("yuyao")).isFalse();
    }

    @Test
    void theSupervisedUnitsAreACopyNeverNull() {
        assertThat(new Actor("x", "x", Role.SUPERVISING_BODY, "ningbo", null, null).supervisedUnitIds())
                .isEmpty();
    }
}
