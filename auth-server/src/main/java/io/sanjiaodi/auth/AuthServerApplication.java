package io.sanjiaodi.auth;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sign-in service: Spring Authorization Server with the demo users, the dashboard's public
 * client and the RSA key that the services validate tokens with. Reads {@code auth-server.yml}
 * (not application.yml) like the other services, so it can share a classpath with them in the
 * system tests.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthServerApplication {

    public static final String NAME = "auth-server";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AuthServerApplication.class).properties("spring.config.name=" + NAME);
    }
}
