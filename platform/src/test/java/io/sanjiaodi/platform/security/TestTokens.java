package io.sanjiaodi.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sanjiaodi.contracts.security.DemoUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints the tokens every test uses, with a key pair of its own (one per JVM): services started
 * by a test validate them through {@link #publicKeyLocation()} ({@code public-key-location}).
 * Users are those of the security contract; {@link #token(String, Role, String, String, List)}
 * makes any other. Like the auth server's, every access token is typed {@code at+jwt} and names the
 * API's audience ({@link #AUDIENCE}, sanjiaodi-common.yml's default). Expired, tampered, wrong-key,
 * wrong-issuer, wrong-audience and ID-token-shaped variants for negative tests.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    /** The API's audience, {@code sanjiaodi.security.audience} in sanjiaodi-common.yml. */
    public static final String AUDIENCE = "sanjiaodi-api";

    /** The client the auth server addresses ID tokens to. */
    public static final String CLIENT_ID = "dashboard";

    public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    /** A user of the contract's demo table. */
    public record User(
            String id, String name, Role role, String jurisdictionId, String unitId, List<String> supervisedUnitIds) {}

    public static final Map<String, User> DEMO_USERS = demoUsers();

    private static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType(AccessTokens.TYPE);
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();
    private static volatile Path publicKeyFile;

    private TestTokens() {}

    /** The contract's table, so the tests' users are the auth server's. */
    private static Map<String, User> demoUsers() {
        try (InputStream in = DemoUser.class.getResourceAsStream(DemoUser.TABLE)) {
            Map<String, User> users = new LinkedHashMap<>();
            for (DemoUser u : new ObjectMapper().readValue(in, DemoUser[].class)) {
                users.put(
                        u.username(),
                        new User(
                                u.username(),
                                u.name(),
                                Role.valueOf(u.roles().get(0)),
                                u.jurisdictionId(),
                                u.unitId(),
                                u.supervisedUnitIds()));
            }
            return Map.copyOf(users);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract's demo user with this id. */
    public static User user(String id) {
        User user = DEMO_USERS.get(id);
        if (user == null) {
            throw new IllegalArgumentException("no demo user " + id);
        }
        return user;
    }

    /** A valid token (one hour) of a demo user. */
    public static String token(String userId) {
        return sign(KEYS, claims(user(userId), ISSUER, Instant.now().plus(Duration.ofHours(1))));
    }

    /** A valid token of any user, e.g. a unit user of a unit a test just created. */
    public static String token(
            String userId, Role role, String jurisdictionId, String unitId, List<String> supervisedUnitIds) {
        return sign(
                KEYS,
                claims(
                        new User(userId, userId, role, jurisdictionId, unitId, supervisedUnitIds),
                        ISSUER,
                        Instant.now().plus(Duration.ofHours(1))));
    }

    /** A token of a unit user (UNIT_LEADER) of {@code unitId}. */
    public static String unitToken(String unitId, String jurisdictionId) {
        return token("leader-of-" + unitId, Role.UNIT_LEADER, jurisdictionId, unitId, List.of());
    }

    public static String expired(String userId) {
        return sign(KEYS, claims(user(userId), ISSUER, Instant.now().minus(Duration.ofHours(1))));
    }

    /** Signed with a key the services do not trust. */
    public static String wrongKey(String userId) {
        return sign(OTHER_KEYS, claims(user(userId), ISSUER, Instant.now().plus(Duration.ofHours(1))));
    }

    public static String wrongIssuer(String userId) {
        return sign(
                KEYS, claims(user(userId), "http://evil.example", Instant.now().plus(Duration.ofHours(1))));
    }

    /** Right key, issuer and audience, but typed {@code JWT} as an ID token is: not an access token. */
    public static String untyped(String userId) {
        return sign(KEYS, claims(user(userId), ISSUER, Instant.now().plus(Duration.ofHours(1))), JOSEObjectType.JWT);
    }

    /** Typed {@code at+jwt}, but addressed to another API. */
    public static String wrongAudience(String userId) {
        return sign(KEYS, claims(user(userId), ISSUER, Instant.now().plus(Duration.ofHours(1)), "another-api"));
    }

    /** What the auth server's ID token of a user looks like: typed {@code JWT}, addressed to the client. */
    public static String idToken(String userId) {
        return sign(
                KEYS,
                claims(user(userId), ISSUER, Instant.now().plus(Duration.ofHours(1)), CLIENT_ID),
                JOSEObjectType.JWT);
    }

    /** A valid token whose payload was changed afterwards (the role raised to ADMIN): the signature no longer matches. */
    public static String tampered(String userId) {
        String[] parts = token(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"roles\":\\[[^]]*]", "\"roles\":[\"ADMIN\"]");
        return parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The public key as an X.509 PEM file, written once per JVM. */
    public static synchronized Path publicKeyFile() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("sanjiaodi-test-jwt", ".pub.pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, publicKeyPem());
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile;
    }

    /** {@code file:...} for {@value #PUBLIC_KEY_PROPERTY}. */
    public static String publicKeyLocation() {
        return "file:" + publicKeyFile().toAbsolutePath();
    }

    /** {@code --spring.security...public-key-location=file:...} for a service's command line. */
    public static String publicKeyArgument() {
        return "--" + PUBLIC_KEY_PROPERTY + "=" + publicKeyLocation();
    }

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static JWTClaimsSet claims(User user, String issuer, Instant expiry) {
        return claims(user, issuer, expiry, AUDIENCE);
    }

    private static JWTClaimsSet claims(User user, String issuer, Instant expiry, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.id())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expiry))
                .claim("name", user.name())
                .claim("roles", List.of(user.role().name()))
                .claim("jurisdiction_id", user.jurisdictionId())
                .claim("supervised_unit_ids", user.supervisedUnitIds());
        if (user.unitId() != null) {
            claims.claim("unit_id", user.unitId());
        }
        return claims.build();
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) {
        return sign(keys, claims, ACCESS_TOKEN_TYPE);
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims, JOSEObjectType type) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID("test")
                            .type(type)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signing key pair as a Nimbus JWK set with the private key — the auth server's key file format. */
    public static String jwkSetJson() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                .privateKey((java.security.interfaces.RSAPrivateKey) KEYS.getPrivate())
                .keyID("test-key")
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        return new JWKSet(key).toString(false);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
