package io.sanjiaodi.interview;

import io.sanjiaodi.interview.sources.SourcesProperties;
import io.sanjiaodi.platform.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(SourcesProperties.class)
public class InterviewServiceApplication {

    public static final String NAME = "interview-service";

    public static void main(String[] args) {
        ServiceLauncher.run(InterviewServiceApplication.class, NAME, args);
    }
}
