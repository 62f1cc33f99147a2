package io.sanjiaodi.platform;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service with its own configuration file ({@code <service>.yml}) instead of
 * {@code application.yml}, so that all services can share one classpath in the system tests.
 */
public final class ServiceLauncher {

    private ServiceLauncher() {}

    public static ConfigurableApplicationContext run(Class<?> application, String serviceName, String... args) {
        // Axon's update checker phones home; this machine (and a commission's network) has no internet.
        System.setProperty("axoniq.update-checker.disabled", "true");
        return builder(application, serviceName).run(args);
    }

    public static SpringApplicationBuilder builder(Class<?> application, String serviceName) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(application).properties("spring.config.name=" + serviceName);
    }
}
