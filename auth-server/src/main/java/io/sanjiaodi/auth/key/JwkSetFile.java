package io.sanjiaodi.auth.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The signing key in {@code <data>/auth/jwks.json}: a Nimbus JWK set with the RSA private key,
 * mode 600. Created on first start, reused afterwards, so tokens stay valid across restarts and
 * the devstack demo loader (which signs its own tokens with this file) and the auth server agree.
 * Whoever comes first creates it; the other reads it.
 */
public final class JwkSetFile {

    private JwkSetFile() {}

    public static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                JWKSet keys = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (keys.getKeys().isEmpty() || !keys.getKeys().get(0).isPrivate()) {
                    throw new IllegalStateException(file + " holds no private key");
                }
                return keys;
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            JWKSet keys = new JWKSet(key);
            PrivateFiles.write(file, keys.toString(false));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(file + " is not a usable JWK set: " + e.getMessage(), e);
        }
    }
}
