package io.sanjiaodi.platform.security;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a signed token an access token for this API, besides its signature and expiry: the
 * issuer, the RFC 9068 type {@code at+jwt} in the JOSE header and the API's audience. An ID token
 * of the same user is signed with the same key and carries the same claims, but is typed
 * {@code JWT} and addressed to the client (its {@code aud} is the client id), so it is refused like
 * any bad token: 401 TOKEN_INVALID, counted, not appended.
 */
public final class AccessTokens {

    /** The JOSE {@code typ} of an access token (RFC 9068); ID tokens keep {@code JWT}. */
    public static final String TYPE = "at+jwt";

    private AccessTokens() {}

    /** Issuer, type and audience, with Spring Security's defaults (expiry, not-before, certificate binding). */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        JwtTypeValidator type = new JwtTypeValidator(TYPE);
        // a token without typ is not an access token either
        type.setAllowEmpty(false);
        return JwtValidators.createDefaultWithValidators(
                List.of(new JwtIssuerValidator(issuer), type, new JwtAudienceValidator(audience)));
    }
}
