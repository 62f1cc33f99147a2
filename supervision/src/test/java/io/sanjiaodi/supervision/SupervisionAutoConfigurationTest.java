package io.sanjiaodi.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.rectification.WarningLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** Supervision's warning colours come from the one key every service shares, not from a default of its own. */
class SupervisionAutoConfigurationTest {

    @Test
    void theWarningThresholdsAreTheOnesSanjiaodiCommonSetsForEveryService() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("sanjiaodi-common", new ClassPathResource("sanjiaodi-common.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(new SupervisionAutoConfiguration().warningThresholds(environment))
                .isEqualTo(new WarningLevel.Thresholds(20, 10));
    }

    @Test
    void aHostThatDoesNotImportTheSharedKeyDoesNotStart() {
        assertThatThrownBy(() -> new SupervisionAutoConfiguration().warningThresholds(new StandardEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sanjiaodi.warnings");
    }
}
