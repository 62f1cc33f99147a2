package io.sanjiaodi.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer    the {@code iss} every accepted token must carry (the auth server)
 * @param jwkSetUri where the auth server publishes its keys, used unless
 *                  {@code spring.security.oauth2.resourceserver.jwt.public-key-location} names a PEM
 */
@ConfigurationProperties("sanjiaodi.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("http://localhost:9000/oauth2/jwks") String jwkSetUri) {}
