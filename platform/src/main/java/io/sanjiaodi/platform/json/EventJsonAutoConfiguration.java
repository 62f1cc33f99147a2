package io.sanjiaodi.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The Jackson 2 {@link ObjectMapper} that writes and reads the published language: Axon's event,
 * message and token serializer, the CloudEvents bridge and the supervision intake use it.
 *
 * <p>Spring Boot 4 configures only Jackson 3 (the web layer uses that), and Axon 4 serializes
 * with Jackson 2, so without this bean Axon would build a bare mapper of its own and the stored
 * events, the Kafka records and the contract fixtures would no longer be the same bytes. It runs
 * before Axon's auto-configuration so that Axon takes this one.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class EventJsonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper eventObjectMapper() {
        return EventJson.mapper();
    }
}
