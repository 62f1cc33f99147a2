package io.sanjiaodi.platform.security;

import io.sanjiaodi.platform.Refusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Short-lived, single-use tickets for the live stream. A browser's EventSource cannot send an
 * Authorization header, and an access token in a URL ends up in access logs, proxies and the
 * browser's history, where it stays valid for its whole lifetime. So the page trades its token for
 * a ticket (a POST with the header), and the stream's URL carries the ticket: worthless once used or
 * after a few seconds. A ticket stands for the token it was issued for, so the stream is still
 * authenticated by that token (signature, issuer, expiry, roles) and by nothing weaker.
 *
 * <p>A token has at most one open ticket (a new one replaces it), so one client cannot use up the
 * capacity for everyone. Tickets live in this process only: the stream is served by the one instance
 * that issued them.
 */
public class StreamTickets {

    /** What the client gets: the ticket and until when it can be used. */
    public record Ticket(String ticket, Instant expiresAt) {}

    private record Issued(String bearerToken, Instant expiresAt) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> open = new HashMap<>();
    private final Map<String, String> ticketOfToken = new HashMap<>();
    private final Clock clock;
    private final Duration lifetime;
    private final int capacity;

    public StreamTickets(Clock clock, Duration lifetime, int capacity) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.capacity = capacity;
    }

    /** A ticket for the bearer token of the current request; refused while too many are open. */
    public synchronized Ticket issue(String bearerToken) {
        Instant now = clock.instant();
        String previous = ticketOfToken.remove(bearerToken);
        if (previous != null) {
            open.remove(previous);
        }
        if (open.size() >= capacity) {
            open.values().removeIf(issued -> !issued.expiresAt().isAfter(now));
            ticketOfToken.values().removeIf(t -> !open.containsKey(t));
            if (open.size() >= capacity) {
                throw Refusal.unprocessable(
                        "STREAM_TICKETS_EXHAUSTED", "too many stream tickets are open; try again in a few seconds");
            }
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(lifetime);
        open.put(ticket, new Issued(bearerToken, expiresAt));
        ticketOfToken.put(bearerToken, ticket);
        return new Ticket(ticket, expiresAt);
    }

    /** The token a ticket stands for, once: a second use, an unknown or an expired ticket gives nothing. */
    public synchronized Optional<String> redeem(String ticket) {
        Issued issued = ticket == null ? null : open.remove(ticket);
        if (issued == null) {
            return Optional.empty();
        }
        ticketOfToken.remove(issued.bearerToken(), ticket);
        if (!issued.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(issued.bearerToken());
    }

    synchronized int openTickets() {
        return open.size();
    }
}
