package io.sanjiaodi.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** {@code spring-security-test} {@code jwt()} post-processors for web slice tests, with the contract's claims. */
public final class MockJwts {

    private MockJwts() {}

    /** As the demo user with this id. */
    public static JwtRequestPostProcessor as(String userId) {
        return as(TestTokens.user(userId));
    }

    public static JwtRequestPostProcessor as(TestTokens.User user) {
        List<String> roles =
                user.role() == null ? List.of("EMPEROR") : List.of(user.role().name());
        return jwt().jwt(j -> {
                    j.subject(user.id())
                            .claim("name", user.name())
                            .claim("roles", roles)
                            .claim("jurisdiction_id", user.jurisdictionId())
                            .claim("supervised_unit_ids", user.supervisedUnitIds());
                    if (user.unitId() != null) {
                        j.claim("unit_id", user.unitId());
                    }
                })
                .authorities(roles.stream()
                        .<org.springframework.security.core.GrantedAuthority>map(
                                r -> new SimpleGrantedAuthority("ROLE_" + r))
                        .toList());
    }

    /** A unit user (UNIT_LEADER) of any unit. */
    public static JwtRequestPostProcessor unit(String unitId, String jurisdictionId) {
        return as(
                new TestTokens.User("leader-of-" + unitId, "单位", Role.UNIT_LEADER, jurisdictionId, unitId, List.of()));
    }
}
