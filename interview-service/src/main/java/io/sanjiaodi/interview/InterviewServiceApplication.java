package io.sanjiaodi.interview;

import io.sanjiaodi.platform.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class InterviewServiceApplication {

    public static final String NAME = "interview-service";

    public static void main(String[] args) {
        ServiceLauncher.run(InterviewServiceApplication.class, NAME, args);
    }
}
