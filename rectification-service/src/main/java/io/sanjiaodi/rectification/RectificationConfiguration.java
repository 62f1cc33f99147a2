package io.sanjiaodi.rectification;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(RectificationProperties.class)
class RectificationConfiguration {

    /** The one source of "today": tests replace it to move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock(RectificationProperties settings) {
        return Clock.system(settings.zone());
    }
}
