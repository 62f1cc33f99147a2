package io.sanjiaodi.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.testing.CommonLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The warning thresholds every read model shares: one key, one value, one binding. */
class SharedSettingsAutoConfigurationTest {

    private final ApplicationContextRunner withCommonSettings = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=sanjiaodi-common")
            .withConfiguration(AutoConfigurations.of(SharedSettingsAutoConfiguration.class));

    @Test
    void theWarningThresholdsAreTheOnesSanjiaodiCommonSetsForEveryService() {
        withCommonSettings.run(context -> assertThat(context.getBean(WarningLevel.Thresholds.class))
                .isEqualTo(new WarningLevel.Thresholds(20, 10)));
    }

    @Test
    void theSharedThresholdsCanBeChangedInTheirOnePlace() {
        withCommonSettings
                .withPropertyValues("sanjiaodi.warnings.yellow-days=30", "sanjiaodi.warnings.orange-days=7")
                .run(context -> assertThat(context.getBean(WarningLevel.Thresholds.class))
                        .isEqualTo(new WarningLevel.Thresholds(30, 7)));
    }

    @Test
    void withoutTheSharedThresholdsAServiceDoesNotStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SharedSettingsAutoConfiguration.class))
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("sanjiaodi.warnings"));
    }

    @Test
    void theLimitsAreBoundOnceFromSanjiaodiCommonAndTheFixturesSeeTheSameValues() {
        withCommonSettings.run(context -> assertThat(context.getBean(Limits.class))
                .isEqualTo(new Limits(50, 100, 100, 50, 200))
                .isEqualTo(CommonLimits.load()));
    }

    @Test
    void aLimitLeftOutIsAStartupFailureNotALimitOfZero() {
        withCommonSettings
                .withPropertyValues("sanjiaodi.limits.items-per-list=0")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("sanjiaodi.limits"));
    }
}
