package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static io.sanjiaodi.platform.testing.Refusals.refused;

import io.sanjiaodi.contracts.interview.InterviewSchedulingRefused;
import io.sanjiaodi.interview.command.interview.InterviewCommands.ScheduleInterview;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorDispatchInterceptor;
import io.sanjiaodi.platform.testing.CommonLimits;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The web layer derives a scheduling's interview id from its Idempotency-Key, so an interview that
 * exists already is the same request run again after its answer was lost (its claim abandoned):
 * it answers what the first run answered and records nothing.
 */
class SchedulingRunAgainTest {

    private final FixtureConfiguration<Interview> fixture = new AggregateTestFixture<>(Interview.class)
            .registerCommandDispatchInterceptor(new ActorDispatchInterceptor("interview-service"))
            .registerInjectableResource(CommonLimits.load());

    @Test
    void aSchedulingRunAgainRecordsNothingAndSucceedsAsTheFirstRunDid() {
        fixture.given(SCHEDULED)
                .when(new ScheduleInterview(ID, TRANSPORT_LEADER, TALK, "市纪委监委谈话室", SECRETARY, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(Optional.empty());
    }

    @Test
    void aRefusedSchedulingRunAgainRecordsNothingAndIsRefusedWithTheFirstRunsCode() {
        fixture.given(new InterviewSchedulingRefused(
                        "iv-1", TRANSPORT_LEADER, DEPUTY.ref(), "ENTRUSTMENT_REQUIRED", "需书记委托"))
                .when(new ScheduleInterview(ID, TRANSPORT_LEADER, TALK, "谈话室", DEPUTY, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayloadMatching(refused("ENTRUSTMENT_REQUIRED", Refusal.Kind.UNPROCESSABLE));
    }
}
