package io.sanjiaodi.audit.checkpoint.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/** Signs note texts with an Ed25519 private key under the name and key id of its {@link Ed25519NoteKey}. */
public record NoteSigner(Ed25519NoteKey key, PrivateKey privateKey) {

    public NoteSignature sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return new NoteSignature(key.name(), key.keyId(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a note", e);
        }
    }
}
