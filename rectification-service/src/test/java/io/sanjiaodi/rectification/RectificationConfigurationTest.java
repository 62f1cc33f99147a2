package io.sanjiaodi.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The service's settings as the service loads them: its own yml, which imports platform's sanjiaodi-common.yml. */
class RectificationConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=rectification-service")
            .withUserConfiguration(RectificationConfiguration.class);

    @Test
    void theWarningThresholdsAreTheOnesEveryReadModelShares() {
        service.run(context -> assertThat(context.getBean(WarningLevel.Thresholds.class))
                .isEqualTo(new WarningLevel.Thresholds(20, 10)));
    }

    @Test
    void theSharedThresholdsCanBeChangedInTheirOnePlace() {
        service.withPropertyValues("sanjiaodi.warnings.yellow-days=30", "sanjiaodi.warnings.orange-days=7")
                .run(context -> assertThat(context.getBean(WarningLevel.Thresholds.class))
                        .isEqualTo(new WarningLevel.Thresholds(30, 7)));
    }

    @Test
    void withoutTheSharedThresholdsTheServiceDoesNotStart() {
        new ApplicationContextRunner().withUserConfiguration(RectificationConfiguration.class)
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("sanjiaodi.warnings"));
    }
}
