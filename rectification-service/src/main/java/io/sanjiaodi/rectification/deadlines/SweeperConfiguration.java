package io.sanjiaodi.rectification.deadlines;

import io.sanjiaodi.rectification.query.ledgers.LedgerQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration
class SweeperConfiguration {

    @Bean
    DeadlineSweeper deadlineSweeper(LedgerQueries ledgers, CommandGateway commands) {
        return new DeadlineSweeper(ledgers, commands);
    }

    @Bean
    @ConditionalOnProperty(name = "rectification.sweeper.enabled", havingValue = "true", matchIfMissing = true)
    ScheduledSweep scheduledSweep(DeadlineSweeper sweeper) {
        return new ScheduledSweep(sweeper);
    }

    /** Runs the sweep on the configured schedule unless {@code rectification.sweeper.enabled=false}. */
    static class ScheduledSweep {

        private final DeadlineSweeper sweeper;

        ScheduledSweep(DeadlineSweeper sweeper) {
            this.sweeper = sweeper;
        }

        @Scheduled(fixedDelayString = "${rectification.sweeper.interval:PT10M}",
                initialDelayString = "${rectification.sweeper.initial-delay:PT30S}")
        void run() {
            sweeper.sweep();
        }
    }
}
