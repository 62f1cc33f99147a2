package io.sanjiaodi.supervision.web;

import io.sanjiaodi.platform.security.StreamTickets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trades the caller's access token (sent in the header) for a single-use ticket that the live
 * stream's URL can carry ({@code GET /api/supervision/stream?ticket=}), so the token itself never
 * appears in a URL. Same roles as the stream.
 */
@RestController
class StreamTicketController {

    private final StreamTickets tickets;

    StreamTicketController(StreamTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/supervision/stream-tickets")
    StreamTickets.Ticket issue(@AuthenticationPrincipal Jwt token) {
        return tickets.issue(token.getTokenValue());
    }
}
