package io.sanjiaodi.deploy;

import static io.sanjiaodi.deploy.ManifestsTest.K8S;
import static io.sanjiaodi.deploy.ManifestsTest.build;
import static io.sanjiaodi.deploy.ManifestsTest.edit;
import static io.sanjiaodi.deploy.ManifestsTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret value in the files, and the secrets they read exist in the form the services read them. */
class SecretsTest {
    /** password: hunter2, token: "…" — a value, not a reference to a secret */
    private static final Pattern LITERAL_SECRET =
            Pattern.compile("(?i)\\b(password|secret|token|jaas[a-z.]*): *['\"]?[^\\s'\"{]{6,}");

    private static final Pattern ENCODED = Pattern.compile("[^A-Za-z0-9+/=]+");

    @TempDir
    static Path scriptWork;

    static Map<String, Map<String, String>> made;

    @BeforeAll
    static void runTheScriptAgainstAnEmptyCluster() {
        made = SecretsScript.run(K8S.resolve("create-secrets.sh"), scriptWork);
    }

    @Test
    void theFilesHoldNoSecretValueAndEverySecretTheyReadIsMadeByAnOperatorOrTheScript(@TempDir Path work)
            throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (holdsSecretValue(Files.readString(file))) {
                    found.add(file.toString());
                }
            }
        }
        assertThat(found).as("files with what looks like a secret value").isEmpty();
        // the scan finds what the script makes, were it ever pasted into a file
        assertThat(made.get("interview-sources-key").values()).allMatch(SecretsTest::holdsSecretValue);
        assertThat(made.get("audit-signing-key").get("audit-ed25519.pk8")).matches(SecretsTest::holdsSecretValue);
        assertThat(holdsSecretValue("  password: hunter22\n")).isTrue();
        for (String overlay : List.of("base", "small", "large")) {
            assertThat(WorkloadInvariants.secretReferences(build(overlay), made.keySet()))
                    .as(overlay)
                    .isEmpty();
        }
        Docs docs = build("base");
        edit(
                docs,
                "Deployment",
                "interview-service",
                d -> with(d, "/spec/template/spec/volumes/2/secret", "secretName", "nowhere"));
        assertThat(WorkloadInvariants.secretReferences(docs, made.keySet()))
                .singleElement()
                .asString()
                .contains("nowhere");
    }

    @Test
    void everyKeyFileAServiceIsToldToReadIsInTheSecretMountedThereInTheFormItReads() throws Exception {
        Docs docs = build("base");
        int checked = 0;
        for (JsonNode workload : docs.workloads()) {
            JsonNode pod = workload.at("/spec/template/spec");
            for (JsonNode env : pod.at("/containers/0/env")) {
                String name = env.path("name").asText();
                if (!(name.endsWith("_KEY_FILE") || name.endsWith("_KEYFILE"))) {
                    continue;
                }
                Path file = Path.of(env.path("value").asText());
                Map<String, String> secret =
                        made.get(mountedSecret(pod, file.getParent().toString()));
                assertThat(secret)
                        .as(name + " of " + Docs.name(workload))
                        .containsKey(file.getFileName().toString());
                String content = secret.get(file.getFileName().toString());
                if (file.getFileName().toString().endsWith(".pk8")) {
                    assertMatchingEd25519Pair(content, secret.get(file.getFileName() + ".pub"));
                } else {
                    assertThat(Base64.getDecoder().decode(content.strip())).hasSize(32);
                }
                checked++;
            }
        }
        // interview: sources and statements; rectification: statements; audit: statements and checkpoints
        assertThat(checked).isEqualTo(5);
    }

    static boolean holdsSecretValue(String text) {
        return text.contains("PRIVATE KEY-----")
                || LITERAL_SECRET.matcher(text).find()
                || ENCODED.splitAsStream(text).anyMatch(SecretsTest::looksRandom);
    }

    /** A run of 40 base64 characters with upper and lower case and digits: a key, not a path. */
    private static boolean looksRandom(String run) {
        return run.length() >= 40
                && run.chars().anyMatch(Character::isUpperCase)
                && run.chars().anyMatch(Character::isLowerCase)
                && run.chars().anyMatch(Character::isDigit);
    }

    private static String mountedSecret(JsonNode pod, String directory) {
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (mount.path("mountPath").asText().equals(directory)) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.at("/secret/secretName").asText();
                    }
                }
            }
        }
        throw new AssertionError("nothing is mounted at " + directory);
    }

    /** As platform's Ed25519KeyFile reads them: PKCS#8 PEM and the X.509 public key beside it. */
    private static void assertMatchingEd25519Pair(String privatePem, String publicPem) throws GeneralSecurityException {
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(der(privatePem)));
        PublicKey publicKey = ed25519.generatePublic(new X509EncodedKeySpec(der(publicPem)));
        byte[] message = "三交底".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature))
                .as("the public key beside the private key is its own")
                .isTrue();
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
