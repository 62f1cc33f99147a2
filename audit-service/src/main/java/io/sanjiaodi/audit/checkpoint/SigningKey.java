package io.sanjiaodi.audit.checkpoint;

import io.sanjiaodi.audit.checkpoint.note.Ed25519NoteKey;
import io.sanjiaodi.audit.checkpoint.note.NoteSigner;
import io.sanjiaodi.audit.ingest.AuditProperties;
import io.sanjiaodi.platform.keys.Ed25519KeyFile;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.springframework.stereotype.Component;

/**
 * The checkpoint signing key from {@code audit.signing-key-file} (kept and generated on first start
 * like every key of the platform, {@link Ed25519KeyFile}), and the same key as the log's C2SP note key.
 */
@Component
public class SigningKey {

    private final Ed25519KeyFile key;
    private final NoteSigner noteSigner;

    public SigningKey(AuditProperties properties) {
        this.key = new Ed25519KeyFile(properties.signingKeyFile(), "audit checkpoints");
        this.noteSigner = new NoteSigner(Ed25519NoteKey.of(properties.origin(), key.publicKey()), key.privateKey());
    }

    public PrivateKey privateKey() {
        return key.privateKey();
    }

    public PublicKey publicKey() {
        return key.publicKey();
    }

    /** The C2SP note key: this key under the log's origin ({@code audit.origin}) as key name. */
    public Ed25519NoteKey noteKey() {
        return noteSigner.key();
    }

    public NoteSigner noteSigner() {
        return noteSigner;
    }

    public String publicKeyPem() {
        return key.publicKeyPem();
    }
}
