package io.sanjiaodi.rectification;

import io.sanjiaodi.platform.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RectificationServiceApplication {

    public static final String NAME = "rectification-service";

    public static void main(String[] args) {
        ServiceLauncher.run(RectificationServiceApplication.class, NAME, args);
    }
}
