package io.sanjiaodi.interview.documents;

import io.sanjiaodi.documents.DocumentsProperties;
import io.sanjiaodi.interview.sources.SourceSealer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The interview's documents, stamped with the system clock (tests give their own). */
@Configuration(proxyBeanMethods = false)
public class DocumentsConfig {

    @Bean
    InterviewDocuments interviewDocuments(DocumentsProperties properties) {
        return new InterviewDocuments(properties, Clock.systemUTC());
    }

    @Bean
    ListsDocument listsDocument(InterviewDocuments interviews, SourceSealer sealer) {
        return new ListsDocument(interviews, sealer);
    }
}
