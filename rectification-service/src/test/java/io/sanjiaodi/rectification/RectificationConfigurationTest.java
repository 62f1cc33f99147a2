package io.sanjiaodi.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

/** The service's settings as the service loads them: its own yml, which imports platform's sanjiaodi-common.yml. */
class RectificationConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=rectification-service")
            .withUserConfiguration(RectificationConfiguration.class);

    @Test
    void theServiceRunsOnTheDefaultsOfItsSettings() {
        service.run(context -> assertThat(context.getBean(RectificationProperties.class))
                .isEqualTo(new RectificationProperties(
                        ZoneId.of("Asia/Shanghai"),
                        30,
                        Period.ofMonths(3),
                        Map.of(),
                        new RectificationProperties.Sweeper(true, Duration.ofMinutes(10), Duration.ofSeconds(30)),
                        new RectificationProperties.Evidence(DataSize.ofMegabytes(10)))));
    }

    @Test
    void theDefaultsAreTheSettingsRecordsOwnNotTheYmls() {
        ApplicationContextRunner withoutYml =
                new ApplicationContextRunner().withUserConfiguration(RectificationConfiguration.class);
        service.run(configured -> withoutYml.run(bare -> assertThat(bare.getBean(RectificationProperties.class))
                .isEqualTo(configured.getBean(RectificationProperties.class))));
    }
}
