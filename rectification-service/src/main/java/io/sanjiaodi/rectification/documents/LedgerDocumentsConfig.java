package io.sanjiaodi.rectification.documents;

import io.sanjiaodi.documents.DocumentsProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger's documents, stamped by the service's clock. */
@Configuration(proxyBeanMethods = false)
public class LedgerDocumentsConfig {

    @Bean
    LedgerDocuments ledgerDocuments(DocumentsProperties properties, Clock clock) {
        return new LedgerDocuments(properties, clock);
    }
}
