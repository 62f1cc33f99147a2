package io.sanjiaodi.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer            the {@code iss} every accepted token must carry (the auth server)
 * @param jwkSetUri         where the auth server publishes its keys, used unless
 *                          {@code spring.security.oauth2.resourceserver.jwt.public-key-location} names a PEM
 * @param denialWindow      refusals of one actor on one endpoint within this long are recorded as
 *                          at most two {@code AccessDenied} events (set in sanjiaodi-common.yml)
 * @param denialOpenWindows at most this many (actor, endpoint) windows are open at once; refusals
 *                          past it are only counted (set in sanjiaodi-common.yml)
 * @param audience          the {@code aud} every accepted access token must contain: the API's name, which
 *                          the auth server puts only into access tokens, never into ID tokens (whose
 *                          {@code aud} is the client), so an ID token is not taken for an access token
 *                          (set in sanjiaodi-common.yml)
 * @param streamTickets     lifetime and capacity of the live stream's tickets (set in sanjiaodi-common.yml)
 */
@ConfigurationProperties("sanjiaodi.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("http://localhost:9000/oauth2/jwks") String jwkSetUri,
        Duration denialWindow,
        Integer denialOpenWindows,
        String audience,
        StreamTicketSettings streamTickets) {

    /** The API's audience, or a clear error when the service did not import the shared yml. */
    String apiAudience() {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException(
                    "sanjiaodi.security.audience is not set: import classpath:sanjiaodi-common.yml");
        }
        return audience;
    }

    /** The two denial settings, or a clear error when the service did not import the shared yml. */
    DenialWindowSettings denials() {
        if (denialWindow == null || denialOpenWindows == null) {
            throw new IllegalStateException("sanjiaodi.security.denial-window and .denial-open-windows are not set:"
                    + " import classpath:sanjiaodi-common.yml");
        }
        return new DenialWindowSettings(denialWindow, denialOpenWindows);
    }

    record DenialWindowSettings(Duration window, int openWindows) {}

    /** The tickets of {@link StreamTickets}, or a clear error when the service did not import the shared yml. */
    StreamTicketSettings streamTicketSettings() {
        if (streamTickets == null || streamTickets.lifetime() == null || streamTickets.capacity() == null) {
            throw new IllegalStateException("sanjiaodi.security.stream-tickets.lifetime and .capacity are not set:"
                    + " import classpath:sanjiaodi-common.yml");
        }
        return streamTickets;
    }

    /**
     * @param lifetime how long a ticket can be used after it was issued
     * @param capacity at most this many tickets are open at once (one per token)
     */
    public record StreamTicketSettings(Duration lifetime, Integer capacity) {}
}
