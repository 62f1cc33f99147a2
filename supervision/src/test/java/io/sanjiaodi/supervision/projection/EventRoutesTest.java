package io.sanjiaodi.supervision.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.interview.InterviewCancelled;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewRescheduled;
import io.sanjiaodi.contracts.interview.InterviewScheduled;
import io.sanjiaodi.contracts.rectification.RectificationClosed;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events a model follows and which handler applies each. */
class EventRoutesTest {

    @Test
    void eachRouteIsAddedToTheSameRoutesAndAppliesItsOwnHandler() {
        List<String> applied = new ArrayList<>();
        EventRoutes<List<String>> routes = new EventRoutes<>();

        EventRoutes<List<String>> withOpened = routes.on(
                RectificationOpened.class,
                RectificationOpened::ledgerId,
                (e, m, at) -> m.add("opened " + e.ledgerId()));
        EventRoutes<List<String>> withClosed =
                withOpened.on(RectificationClosed.class, (e, m, at) -> m.add("closed " + at.eventId()));

        assertThat(withOpened).isSameAs(routes);
        assertThat(withClosed).isSameAs(routes);
        assertThat(routes.payloadTypes()).containsExactly(RectificationOpened.class, RectificationClosed.class);
        routes.apply(applied, event("e1", opened("ledger-1")));
        routes.apply(applied, event("e2", new RectificationClosed("ledger-1", null, null, null, 1, null)));
        assertThat(applied).containsExactly("opened ledger-1", "closed e2");
    }

    @Test
    void anEventNamingNoModelAPayloadOfAnotherTypeAndNoPayloadAreNotFollowed() {
        EventRoutes<Object> routes = new EventRoutes<>()
                .on(RectificationOpened.class, RectificationOpened::ledgerId, (e, m, at) -> {})
                .on(RectificationClosed.class, (e, m, at) -> {});

        assertThat(routes.follows(event("e1", opened("ledger-1")))).isTrue();
        assertThat(routes.follows(event("e2", opened(null)))).isFalse();
        assertThat(routes.follows(event("e3", new RectificationClosed(null, null, null, null, 0, null))))
                .isTrue();
        assertThat(routes.follows(event("e4", taskPlanned()))).isFalse();
        assertThat(routes.follows(event("e5", null))).isFalse();
    }

    @Test
    void theLedgersFollowEveryRectificationEventTheyNameAndTheInterviewsTheFourTheyShow() {
        assertThat(LedgerEvents.ROUTES.payloadTypes())
                .hasSize(20)
                .contains(RectificationOpened.class, TaskPlanned.class);
        assertThat(InterviewEvents.ROUTES.payloadTypes())
                .containsExactly(
                        InterviewScheduled.class,
                        InterviewRescheduled.class,
                        InterviewCancelled.class,
                        InterviewConducted.class);
        assertThat(LedgerEvents.ROUTES.follows(event("e1", taskPlanned()))).isFalse();
        assertThat(InterviewEvents.ROUTES.follows(event("e1", taskPlanned()))).isFalse();
    }

    private static RectificationOpened opened(String ledgerId) {
        return new RectificationOpened(ledgerId, null, null, null, null, List.of(), null, null, null);
    }

    private static TaskPlanned taskPlanned() {
        return new TaskPlanned(null, "t1", null, null, null, null, LocalDate.of(2019, 3, 31), null, null);
    }

    private static RecordedEvent event(String id, Object payload) {
        return new RecordedEvent(id, "any", "aggregate", 1, Instant.parse("2019-03-01T08:00:00Z"), payload);
    }
}
