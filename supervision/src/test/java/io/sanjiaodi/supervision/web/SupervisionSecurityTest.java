package io.sanjiaodi.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.AccessRule;
import io.sanjiaodi.platform.security.Role;
import io.sanjiaodi.platform.security.TestTokens;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;

/** The scope a supervision query runs for, read from the signed-in actor. */
class SupervisionSecurityTest {

    record Row(String unitId, String jurisdictionId) {}

    static final List<Row> ROWS = List.of(
            new Row("nb-transport", "ningbo"),
            new Row("nb-passenger-transport", "ningbo"),
            new Row("nb-health", "ningbo"),
            new Row("yy-hospital", "yuyao"),
            new Row("fh-school", "fenghua"));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void withoutAJurisdictionAskedTheCityReadsEverythingAndADistrictItsOwn() {
        signIn("office");
        assertThat(SupervisionSecurity.jurisdiction(null)).isNull();
        signIn("office-fenghua");
        assertThat(SupervisionSecurity.jurisdiction(null)).isEqualTo("fenghua");
        signIn("unit-leader");
        assertThat(SupervisionSecurity.jurisdiction(null)).isNull();
    }

    @Test
    void aJurisdictionWithinTheActorsIsReadAsAskedAndOneOutsideItIsRefused() {
        signIn("office");
        assertThat(SupervisionSecurity.jurisdiction("yuyao")).isEqualTo("yuyao");
        assertThat(SupervisionSecurity.jurisdiction("ningbo")).isEqualTo("ningbo");
        signIn("office-fenghua");
        assertThat(SupervisionSecurity.jurisdiction("fenghua")).isEqualTo("fenghua");
        assertThatThrownBy(() -> SupervisionSecurity.jurisdiction("yuyao")).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo("OUT_OF_SCOPE");
            assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        });
        assertThatThrownBy(() -> SupervisionSecurity.jurisdiction("ningbo")).isInstanceOf(Refusal.class);
    }

    @Test
    void aUnitUserOrASupervisingBodyMayAskForAnyJurisdictionBecauseTheirRowsAreCutByUnit() {
        for (String user : List.of("unit-leader", "unit-staff", "stationed")) {
            signIn(user);
            assertThat(SupervisionSecurity.jurisdiction("yuyao")).as(user).isEqualTo("yuyao");
        }
        signIn(new TestTokens.User("fh-unit", "奉化单位", Role.UNIT_LEADER, "fenghua", "fh-school", List.of()));
        assertThat(SupervisionSecurity.jurisdiction("yuyao")).isEqualTo("yuyao");
        assertThat(SupervisionSecurity.jurisdiction(null)).isEqualTo("fenghua");
        signIn(new TestTokens.User(
                "fh-stationed", "奉化派驻组", Role.SUPERVISING_BODY, "fenghua", null, List.of("fh-school")));
        assertThat(SupervisionSecurity.jurisdiction("yuyao")).isEqualTo("yuyao");
    }

    @Test
    void noActorIsNoScope() {
        assertThatThrownBy(() -> SupervisionSecurity.jurisdiction(null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("AUTHENTICATION_REQUIRED"));
        assertThatThrownBy(() -> SupervisionSecurity.counts("nb-transport", "ningbo"))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> SupervisionSecurity.visible(ROWS, Row::unitId, Row::jurisdictionId))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aUnitUsersFiguresAndRowsAreItsOwnUnitsOnly() {
        signIn("unit-leader");
        assertThat(SupervisionSecurity.counts("nb-transport", "ningbo")).isTrue();
        assertThat(SupervisionSecurity.counts("nb-health", "ningbo")).isFalse();
        assertThat(visible()).containsExactly("nb-transport");
    }

    @Test
    void aSupervisingBodysFiguresAndRowsAreTheUnitsItSupervises() {
        signIn("stationed");
        assertThat(SupervisionSecurity.counts("nb-passenger-transport", "ningbo"))
                .isTrue();
        assertThat(SupervisionSecurity.counts("nb-health", "ningbo")).isFalse();
        assertThat(visible()).containsExactly("nb-transport", "nb-passenger-transport");
    }

    @Test
    void anOfficesFiguresAndRowsAreItsJurisdictionsSubtree() {
        signIn("office-fenghua");
        assertThat(SupervisionSecurity.counts("fh-school", "fenghua")).isTrue();
        assertThat(SupervisionSecurity.counts("yy-hospital", "yuyao")).isFalse();
        assertThat(visible()).containsExactly("fh-school");
        signIn("office");
        assertThat(visible()).hasSize(ROWS.size());
    }

    @Test
    void theFirstRuleThatMatchesARequestNamesTheRolesOfTheAccessTable() {
        Set<Role> readers = EnumSet.complementOf(EnumSet.of(Role.ADMIN));
        assertThat(rolesFor("GET", "/api/supervision/overview")).isEqualTo(readers);
        assertThat(rolesFor("GET", "/api/supervision/ledgers/ledger-1")).isEqualTo(readers);
        assertThat(rolesFor("GET", "/api/supervision/export/ledgers.csv")).isEqualTo(readers);
        // before the catch-all: the stream and the rebuild are not for every reader
        assertThat(rolesFor("GET", "/api/supervision/stream"))
                .isEqualTo(EnumSet.of(Role.LEADERSHIP, Role.SUPERVISION_OFFICE, Role.AUDITOR));
        assertThat(rolesFor("POST", "/api/supervision/rebuild"))
                .isEqualTo(EnumSet.of(Role.ADMIN, Role.SUPERVISION_OFFICE));
        assertThat(rolesFor("GET", "/api/supervision/rebuild"))
                .isEqualTo(EnumSet.of(Role.ADMIN, Role.SUPERVISION_OFFICE, Role.AUDITOR));
        assertThat(rolesFor("POST", "/api/supervision/ledgers")).isNull();
    }

    /** The roles of the first rule matching the request, as the filter chain applies them; null for none. */
    private static Set<Role> rolesFor(String method, String path) {
        AntPathMatcher paths = new AntPathMatcher();
        return new SupervisionSecurity()
                .rules().stream()
                        .filter(rule -> rule.method().equals(method) && paths.match(rule.pattern(), path))
                        .map(AccessRule::roles)
                        .findFirst()
                        .orElse(null);
    }

    private static List<String> visible() {
        Function<Row, String> unit = Row::unitId;
        return SupervisionSecurity.visible(ROWS, unit, Row::jurisdictionId).stream()
                .map(Row::unitId)
                .toList();
    }

    private static void signIn(String demoUser) {
        signIn(TestTokens.user(demoUser));
    }

    private static void signIn(TestTokens.User user) {
        Jwt.Builder jwt = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(user.id())
                .claim("name", user.name())
                .claim("roles", List.of(user.role().name()))
                .claim("jurisdiction_id", user.jurisdictionId())
                .claim("supervised_unit_ids", user.supervisedUnitIds());
        if (user.unitId() != null) {
            jwt.claim("unit_id", user.unitId());
        }
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build()));
    }
}
