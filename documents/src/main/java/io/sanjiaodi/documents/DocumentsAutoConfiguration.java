package io.sanjiaodi.documents;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** A {@link Documents} in every service that has this module on its classpath. */
@AutoConfiguration
@EnableConfigurationProperties(DocumentsProperties.class)
public class DocumentsAutoConfiguration {

    @Bean
    Documents documents(DocumentsProperties properties) {
        return new Documents(properties);
    }
}
