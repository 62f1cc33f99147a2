package io.sanjiaodi.platform.security;

import static io.sanjiaodi.platform.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.MatcherAssert.assertThat;

import io.sanjiaodi.platform.Refusal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The acting user of a request, and the two refusals every controller shares. */
class ActorsTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String subject) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .claim("roles", List.of("SUPERVISION_OFFICE"))
                .claim("jurisdiction_id", "ningbo")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    @Test
    void theActorOfARequestIsTheTokensSubject() {
        signIn("office");
        assertThat(Actors.require().userId()).isEqualTo("office");
        assertThat(Actors.current()).map(Actor::role).contains(Role.SUPERVISION_OFFICE);
    }

    @Test
    void aRequestWithoutATokenHasNoActorAndIsRefusedAsUnauthenticated() {
        assertThat(Actors.current()).isEmpty();
        assertThat(catchThrowable(Actors::require), refused("AUTHENTICATION_REQUIRED", Refusal.Kind.UNAUTHENTICATED));
    }

    @Test
    void aSignInThatIsNotABearerTokenNamesNoActor() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", "pw"));
        assertThat(Actors.current()).isEmpty();
    }

    @Test
    void aRecordOutsideTheActorsScopeIsRefusedAsForbidden() {
        assertThat(
                catchThrowable(() -> Actors.requireScope(false, "interview iv-1")),
                refused("OUT_OF_SCOPE", Refusal.Kind.FORBIDDEN));
        assertThatCode(() -> Actors.requireScope(true, "interview iv-1")).doesNotThrowAnyException();
    }
}
