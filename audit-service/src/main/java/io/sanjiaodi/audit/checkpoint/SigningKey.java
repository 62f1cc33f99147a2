package io.sanjiaodi.audit.checkpoint;

import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.NoteSigner;
import io.sanjiaodi.audit.ingest.AuditProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checkpoint signing key from {@code audit.signing-key-file}. The JDK cannot derive an Ed25519
 * public key from a PKCS#8 private key, so the public key is kept beside it ({@code <file>.pub});
 * on first start both are generated, the private key readable by its owner only.
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final NoteSigner noteSigner;

    public SigningKey(AuditProperties properties) {
        Path file = properties.signingKeyFile();
        Path pub = file.resolveSibling(file.getFileName() + ".pub");
        try {
            if (!Files.exists(file)) {
                generate(file, pub);
            }
            if (!Files.exists(pub)) {
                throw new IllegalStateException("signing key " + file + " has no public key beside it (" + pub + ")");
            }
            privateKey = Keys.privateKey(Files.readString(file));
            publicKey = Keys.publicKey(Files.readString(pub));
            noteSigner = new NoteSigner(Ed25519NoteKey.of(properties.origin(), publicKey), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + file, e);
        }
        log.info("audit checkpoints are signed with the key in {}", file.toAbsolutePath());
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The C2SP note key: this key under the log's origin ({@code audit.origin}) as key name. */
    public Ed25519NoteKey noteKey() {
        return noteSigner.key();
    }

    public NoteSigner noteSigner() {
        return noteSigner;
    }

    public String publicKeyPem() {
        return Keys.pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static void generate(Path file, Path pub) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "key", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: rely on the directory's ACL
        }
        Files.writeString(tmp, Keys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(pub, Keys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(tmp, file); // the private key appears last and whole: a crash never leaves half a key
        log.info("generated a new audit signing key in {}", file.toAbsolutePath());
    }
}
