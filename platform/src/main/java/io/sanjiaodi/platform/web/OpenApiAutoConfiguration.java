package io.sanjiaodi.platform.web;

import io.sanjiaodi.platform.PlatformProperties;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Names each service's OpenAPI document after the service instead of springdoc's generic default. */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(PlatformProperties props) {
        return new OpenAPI()
                .info(new Info()
                        .title(props.serviceName() + " · 三交底廉政谈话监督平台")
                        .description("Errors are RFC 7807 problem details with a stable `code` property.")
                        .version("v1"));
    }
}
