package io.sanjiaodi.rectification.deadlines;

import io.sanjiaodi.rectification.RectificationProperties;
import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

@Configuration
class SweeperConfiguration {

    @Bean
    DeadlineSweeper deadlineSweeper(LedgerQueries ledgers, CommandGateway commands) {
        return new DeadlineSweeper(ledgers, commands);
    }

    /**
     * Runs the sweep on the schedule of the bound {@code rectification.sweeper.*} settings — whose
     * defaults live only in {@link RectificationProperties.Sweeper} — unless {@code enabled} is false.
     */
    @Bean
    SchedulingConfigurer scheduledSweep(DeadlineSweeper sweeper, RectificationProperties settings) {
        RectificationProperties.Sweeper schedule = settings.sweeper();
        return registrar -> {
            if (schedule.enabled()) {
                registrar.addFixedDelayTask(
                        new FixedDelayTask(sweeper::sweep, schedule.interval(), schedule.initialDelay()));
            }
        };
    }
}
