package io.sanjiaodi.rectification.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.sanjiaodi.rectification.RectificationProperties;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The timed sweep follows the bound rectification.sweeper settings, loaded from the service's yml. */
class ScheduledSweepTest {

    @Configuration
    @EnableScheduling
    @EnableConfigurationProperties(RectificationProperties.class)
    static class Scheduling {}

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=rectification-service")
            .withUserConfiguration(Scheduling.class, SweeperConfiguration.class)
            .withBean(LedgerQueries.class, () -> mock(LedgerQueries.class))
            .withBean(CommandGateway.class, () -> mock(CommandGateway.class));

    private static List<IntervalTask> sweeps(AssertableApplicationContext context) {
        return context.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                .map(ScheduledTask::getTask)
                .filter(IntervalTask.class::isInstance)
                .map(IntervalTask.class::cast)
                .toList();
    }

    @Test
    void theSweepRunsEveryTenMinutesFromHalfAMinuteAfterTheStart() {
        service.run(context -> assertThat(sweeps(context)).singleElement().satisfies(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(10));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(30));
        }));
    }

    @Test
    void theScheduleIsTheBoundSettings() {
        service.withPropertyValues("rectification.sweeper.interval=PT1H", "rectification.sweeper.initial-delay=PT5M")
                .run(context -> assertThat(sweeps(context)).singleElement().satisfies(task -> {
                    assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofHours(1));
                    assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(5));
                }));
    }

    @Test
    void aDisabledSweeperIsNotScheduledButStillSweepsOnDemand() {
        service.withPropertyValues("rectification.sweeper.enabled=false").run(context -> {
            assertThat(sweeps(context)).isEmpty();
            assertThat(context).hasSingleBean(DeadlineSweeper.class);
        });
    }
}
