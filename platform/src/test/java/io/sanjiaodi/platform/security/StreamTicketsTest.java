package io.sanjiaodi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.testing.MovableClock;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/** The live stream's tickets: single use, short-lived, bounded, and the only thing its URL may carry. */
class StreamTicketsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final StreamTickets tickets = new StreamTickets(clock, Duration.ofSeconds(30), 3);
    private final BearerTokenResolver resolver = ResourceServerAutoConfiguration.bearerTokenResolver(tickets);

    @Test
    void aTicketStandsForItsTokenExactlyOnce() {
        StreamTickets.Ticket ticket = tickets.issue("token-a");

        assertThat(ticket.expiresAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(tickets.redeem(ticket.ticket())).contains("token-a");
        assertThat(tickets.redeem(ticket.ticket())).isEmpty();
    }

    @Test
    void aTicketIsWorthlessOnceItsLifetimeHasPassed() {
        StreamTickets.Ticket ticket = tickets.issue("token-a");
        clock.advance(Duration.ofSeconds(30));

        assertThat(tickets.redeem(ticket.ticket())).isEmpty();
        assertThat(tickets.openTickets()).isZero();
    }

    @Test
    void aNewTicketForTheSameTokenReplacesTheOpenOneSoOneClientCannotFillTheCapacity() {
        StreamTickets.Ticket first = tickets.issue("token-a");
        for (int n = 0; n < 10; n++) {
            tickets.issue("token-a");
        }
        StreamTickets.Ticket last = tickets.issue("token-a");

        assertThat(tickets.openTickets()).isEqualTo(1);
        assertThat(tickets.redeem(first.ticket())).isEmpty();
        assertThat(tickets.redeem(last.ticket())).contains("token-a");
    }

    @Test
    void whenTheCapacityIsFullOfLiveTicketsANewTokenIsRefusedWithACode() {
        tickets.issue("token-a");
        tickets.issue("token-b");
        tickets.issue("token-c");

        assertThatThrownBy(() -> tickets.issue("token-d"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("STREAM_TICKETS_EXHAUSTED"));

        clock.advance(Duration.ofSeconds(31));
        assertThat(tickets.issue("token-d").ticket()).isNotBlank();
        assertThat(tickets.openTickets()).isEqualTo(1);
    }

    @Test
    void theStreamTakesATicketFromItsUrlAndGivesTheTokenItStandsFor() {
        StreamTickets.Ticket ticket = tickets.issue("token-a");

        assertThat(resolver.resolve(stream("ticket=" + ticket.ticket()))).isEqualTo("token-a");
        assertThatThrownBy(() -> resolver.resolve(stream("ticket=" + ticket.ticket())))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> resolver.resolve(stream("ticket=made-up")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void anAccessTokenInTheUrlIsNeverReadNotEvenOnTheStream() {
        assertThat(resolver.resolve(stream("access_token=token-a"))).isNull();
        MockHttpServletRequest elsewhere = new MockHttpServletRequest("GET", "/api/interviews");
        elsewhere.setParameter("ticket", tickets.issue("token-a").ticket());
        assertThat(resolver.resolve(elsewhere)).isNull();
    }

    @Test
    void theHeaderStillWorksEverywhereIncludingTheStream() {
        MockHttpServletRequest request = (MockHttpServletRequest) stream("");
        request.addHeader("Authorization", "Bearer token-b");

        assertThat(resolver.resolve(request)).isEqualTo("token-b");
    }

    private static HttpServletRequest stream(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", ResourceServerAutoConfiguration.STREAM_PATH);
        request.setQueryString(query);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                request.setParameter(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return request;
    }
}
