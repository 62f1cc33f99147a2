package io.sanjiaodi.audit;

import io.sanjiaodi.platform.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditServiceApplication {

    public static final String NAME = "audit-service";

    public static void main(String[] args) {
        ServiceLauncher.run(AuditServiceApplication.class, NAME, args);
    }
}
