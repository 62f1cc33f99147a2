package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The services' decoder takes access tokens only: typed {@code at+jwt} and addressed to the API. An
 * ID token is signed with the same key and carries the same claims, so without these two checks it
 * would open every endpoint its user may call.
 */
class AccessTokenDecoderTest {

    private final JwtDecoder decoder = decoder("sanjiaodi-api");

    @Test
    void aProperAccessTokenIsAcceptedWithItsTypeAndAudience() {
        Jwt jwt = decoder.decode(TestTokens.token("office"));
        assertThat(jwt.getSubject()).isEqualTo("office");
        assertThat(jwt.getHeaders()).containsEntry("typ", AccessTokens.TYPE);
        assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
    }

    @Test
    void aTokenOtherwiseValidButNotTypedAtJwtIsRefused() {
        assertRefused(TestTokens.untyped("office"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertRefused(TestTokens.wrongAudience("office"));
    }

    @Test
    void anIdTokenOfTheSameUserSignedWithTheSameKeyIsRefused() {
        assertRefused(TestTokens.idToken("admin"));
    }

    @Test
    void theAudienceIsTheConfiguredOne() {
        assertThatThrownBy(() -> decoder("another-api").decode(TestTokens.token("office")))
                .isInstanceOf(JwtValidationException.class);
        assertThat(decoder("another-api")
                        .decode(TestTokens.wrongAudience("office"))
                        .getAudience())
                .containsExactly("another-api");
    }

    @Test
    void aServiceWithoutTheSharedSettingsDoesNotStartWithoutAnAudience() {
        assertThatThrownBy(() -> decoder(null)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertRefused(String token) {
        assertThatThrownBy(() -> decoder("sanjiaodi-api").decode(token))
                .isInstanceOfSatisfying(
                        JwtValidationException.class,
                        e -> assertThat(e.getErrors())
                                .isNotEmpty()
                                .allSatisfy(error ->
                                        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN)));
    }

    private static JwtDecoder decoder(String audience) {
        OAuth2ResourceServerProperties resourceServer = new OAuth2ResourceServerProperties();
        resourceServer.getJwt().setPublicKeyLocation(new FileSystemResource(TestTokens.publicKeyFile()));
        SecurityProperties security =
                new SecurityProperties(TestTokens.ISSUER, "http://unused", Duration.ofMinutes(1), 10, audience, null);
        try {
            return new ResourceServerAutoConfiguration().jwtDecoder(resourceServer, security);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
