package io.sanjiaodi.platform.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ed25519 key pair kept in a file (the audit log's checkpoint key, a producer's statement key).
 * The JDK cannot derive an Ed25519 public key from a PKCS#8 private key, so the public key sits
 * beside it ({@code <file>.pub}); on first start both are generated, the private key owner-only and
 * written whole or not at all (a crash never leaves half a key), and instances starting at once on
 * one file end up with one matching pair.
 */
public class Ed25519KeyFile {

    private static final Logger log = LoggerFactory.getLogger(Ed25519KeyFile.class);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    /** @param purpose what the key signs, for the log lines and errors */
    public Ed25519KeyFile(Path file, String purpose) {
        Path pub = file.resolveSibling(file.getFileName() + ".pub");
        try {
            if (!Files.exists(file)) {
                generate(file, pub, purpose);
            }
            for (int wait = 0; !Files.exists(pub) && wait < 20; wait++) {
                sleep(); // another instance sharing the key file has moved its private key, not yet the public one
            }
            if (!Files.exists(pub)) {
                throw new IllegalStateException(
                        purpose + " key " + file + " has no public key beside it (" + pub + ")");
            }
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file))));
            publicKey = ed25519.generatePublic(new X509EncodedKeySpec(der(Files.readString(pub))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + purpose + " key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the " + purpose + " key " + file + " is not an Ed25519 key pair", e);
        }
        log.info("{} signed with the key in {}", purpose, file.toAbsolutePath());
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static void generate(Path file, Path pub, String purpose) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        Path dir = Files.createDirectories(file.toAbsolutePath().getParent());
        Path pubTmp = Files.createTempFile(dir, "pub", ".tmp");
        Files.writeString(pubTmp, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        // instances sharing the file may start at once: the first private key to arrive wins, and
        // only its generator writes the public key, so the pair on disk always matches
        if (!OwnerOnlyFile.createIfAbsent(
                file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()))) {
            Files.delete(pubTmp);
            return;
        }
        Files.move(pubTmp, pub, StandardCopyOption.REPLACE_EXISTING);
        log.info("generated a new {} key in {}", purpose, file.toAbsolutePath());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
