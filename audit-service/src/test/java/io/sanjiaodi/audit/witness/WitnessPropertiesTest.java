package io.sanjiaodi.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.witness.WitnessKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables run.sh and docker-compose.yml set bind to the witness list. */
class WitnessPropertiesTest {

    @TempDir
    Path dir;

    private static WitnessProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", env)); // mapped as the real one
        return Binder.get(environment).bind("audit", WitnessProperties.class).get();
    }

    @Test
    void aWitnessFromEnvironmentVariablesWithItsKeyInlineOrInAFile() throws Exception {
        String vkey = new WitnessKey("witness.test/w1", dir).verifierKey();
        Path file = Files.writeString(dir.resolve("witness.vkey"), vkey + "\n");

        WitnessProperties inline = bind(Map.of(
                "AUDIT_WITNESSESREQUIRED", "1",
                "AUDIT_COSIGNATUREREFRESH", "10m",
                "AUDIT_WITNESSES_0_NAME", "witness.test/w1",
                "AUDIT_WITNESSES_0_URL", "http://127.0.0.1:8090",
                "AUDIT_WITNESSES_0_VERIFIERKEY", vkey));
        assertThat(inline.witnessesRequired()).isEqualTo(1);
        assertThat(inline.witnesses()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("witness.test/w1");
            assertThat(w.url()).hasToString("http://127.0.0.1:8090");
            assertThat(w.verifierKey()).isEqualTo(vkey);
        });

        WitnessProperties fromFile = bind(Map.of(
                "AUDIT_WITNESSESREQUIRED", "1",
                "AUDIT_COSIGNATUREREFRESH", "10m",
                "AUDIT_WITNESSES_0_NAME", "witness.test/w1",
                "AUDIT_WITNESSES_0_URL", "http://witness:8090",
                "AUDIT_WITNESSES_0_VERIFIERKEYFILE", file.toString()));
        assertThat(fromFile.witnesses().get(0).verifierKey()).isEqualTo(vkey);
    }

    @Test
    void theRequiredCountHasNoDefaultHereAndCannotBeNegative() {
        Duration refresh = Duration.ofMinutes(10);
        assertThatThrownBy(() -> new WitnessProperties(null, null, refresh)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WitnessProperties(null, -1, refresh)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WitnessProperties(null, 0, refresh).witnesses()).isEmpty();
    }

    @Test
    void theRefreshPeriodHasNoDefaultHereAndMustBePositive() {
        assertThatThrownBy(() -> new WitnessProperties(null, 0, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("audit.cosignature-refresh");
        assertThatThrownBy(() -> new WitnessProperties(null, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
