package io.sanjiaodi.auth.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwkSetFileTest {

    @TempDir
    Path data;

    @Test
    void theKeyIsGeneratedOnceOwnerReadableOnlyAndReusedAfterwards() throws Exception {
        Path file = data.resolve("auth/jwks.json");

        JWKSet first = JwkSetFile.loadOrCreate(file);
        String written = Files.readString(file);
        JWKSet second = JwkSetFile.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        RSAKey key = (RSAKey) first.getKeys().get(0);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(second.getKeys().get(0).toJSONObject()).isEqualTo(key.toJSONObject());
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temp file left behind
    }

    @Test
    void aFileWithoutThePrivateKeyIsRefused() throws Exception {
        Path file = data.resolve("auth/jwks.json");
        JWKSet keys = JwkSetFile.loadOrCreate(file);
        Files.writeString(file, keys.toPublicJWKSet().toString());

        assertThatThrownBy(() -> JwkSetFile.loadOrCreate(file)).hasMessageContaining("no private key");
    }
}
