package io.sanjiaodi.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs the demo loader's tokens with the auth server's own key, {@code <data>/auth/jwks.json} (a
 * Nimbus JWK set with the private RSA key), so the loader never needs passwords. When the file is
 * missing (the auth server has not run yet) it is generated here, mode 600, in the same format,
 * and the auth server then uses it. The tokens are access tokens as the auth server issues them:
 * typed {@code at+jwt} (RFC 9068) and addressed to the API's audience, which the services require.
 */
public final class DevTokens implements DemoUsers.Signer {

    /** The API's audience unless {@code sanjiaodi.security.audience} / env SANJIAODI_API_AUDIENCE says otherwise. */
    public static final String DEFAULT_AUDIENCE = "sanjiaodi-api";

    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final RSAKey key;
    private final String issuer;
    private final String audience;

    private DevTokens(RSAKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The key of {@code <data>/auth/jwks.json}, {@code <data>} = env SANJIAODI_DATA or ./data. */
    public static DevTokens fromDataDir() {
        String data = System.getenv().getOrDefault("SANJIAODI_DATA", "./data");
        return load(
                Path.of(data, "auth", "jwks.json"),
                System.getProperty(
                        "sanjiaodi.security.issuer",
                        System.getenv().getOrDefault("SANJIAODI_ISSUER", "http://localhost:9000")),
                System.getProperty(
                        "sanjiaodi.security.audience",
                        System.getenv().getOrDefault("SANJIAODI_API_AUDIENCE", DEFAULT_AUDIENCE)));
    }

    public static DevTokens load(Path jwks, String issuer) {
        return load(jwks, issuer, DEFAULT_AUDIENCE);
    }

    public static DevTokens load(Path jwks, String issuer, String audience) {
        try {
            if (!Files.exists(jwks)) {
                generate(jwks);
            }
            JWKSet set = JWKSet.parse(Files.readString(jwks));
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof RSAKey rsa && rsa.isPrivate()) {
                    return new DevTokens(rsa, issuer, audience);
                }
            }
            throw new IllegalStateException(jwks + " holds no private RSA key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(jwks + " is not a JWK set", e);
        }
    }

    private static void generate(Path jwks) throws IOException {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            Files.createDirectories(jwks.getParent());
            Path tmp = Files.createTempFile(jwks.getParent(), "jwks", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies
            }
            Files.writeString(tmp, new JWKSet(key).toString(false));
            Files.move(tmp, jwks, StandardCopyOption.ATOMIC_MOVE);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (FileAlreadyExistsException raced) {
            // the auth server wrote it meanwhile: use that one
        }
    }

    /** A token (one hour) for a user of the contract's demo table, by id. */
    public String token(String userId) {
        return apply(DemoUsers.user(userId));
    }

    @Override
    public String apply(DemoUsers.User user) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim("name", user.name())
                .claim("roles", java.util.List.of(user.role()))
                .claim("jurisdiction_id", user.jurisdictionId())
                .claim("supervised_unit_ids", user.supervisedUnitIds());
        if (user.unitId() != null) {
            claims.claim("unit_id", user.unitId());
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(ACCESS_TOKEN)
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
