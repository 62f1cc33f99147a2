package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.Topics;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The audit settings as Spring binds them: one default per value. */
class AuditPropertiesTest {

    @Test
    void unsetTopicsMeanEveryTopicOfThePublishedLanguageAndTheIntervalHasItsOneDefault() {
        AuditProperties properties =
                bind(Map.of("audit.signing-key-file", "keys/k.pk8", "audit.origin", "example.org/log"));

        assertThat(properties.topics()).isEqualTo(Topics.ALL);
        assertThat(properties.checkpointIntervalMillis()).isEqualTo(2000);
        assertThat(properties.signingKeyFile()).isEqualTo(Path.of("keys/k.pk8"));
    }

    @Test
    void configuredTopicsReplaceTheDefault() {
        assertThat(bind(Map.of(
                                "audit.signing-key-file", "k.pk8",
                                "audit.topics", "interview.events",
                                "audit.origin", "example.org/log"))
                        .topics())
                .containsExactly("interview.events");
    }

    @Test
    void withoutAKeyFileTheServiceDoesNotStart() {
        assertThatThrownBy(() -> bind(Map.of("audit.topics", "interview.events", "audit.origin", "example.org/log")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("audit.signing-key-file");
    }

    @Test
    void withoutAnOriginOrWithOneAClientCouldNotReadAsAKeyNameTheServiceDoesNotStart() {
        assertThatThrownBy(() -> bind(Map.of("audit.signing-key-file", "k.pk8")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("audit.origin");
        for (String bad : new String[] {"example.org/a log", "example.org/a+log"}) {
            assertThatThrownBy(() -> bind(Map.of("audit.signing-key-file", "k.pk8", "audit.origin", bad)))
                    .as(bad)
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("audit.origin");
        }
    }

    private static AuditProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bind("audit", AuditProperties.class)
                .get();
    }
}
