package io.sanjiaodi.audit.checkpoint;

import io.sanjiaodi.audit.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A signed statement "the log had {@code treeSize} entries with this root at this time". The
 * signature is Ed25519 over the UTF-8 text of {@link #body()}, four lines each ending in '\n':
 * {@code sanjiaodi-audit-log/v1}, the tree size in decimal, the root hash in lower-case hex, the
 * timestamp in epoch milliseconds. Plain Java so that the offline verifier shares it.
 */
public record Checkpoint(long treeSize, String rootHash, long timestamp, String signature) {

    public static final String ORIGIN = "sanjiaodi-audit-log/v1";

    public String body() {
        return ORIGIN + "\n" + treeSize + "\n" + rootHash + "\n" + timestamp + "\n";
    }

    public byte[] root() {
        return Sha256.unhex(rootHash);
    }

    public static Checkpoint sign(long treeSize, byte[] root, long timestamp, PrivateKey key) {
        Checkpoint unsigned = new Checkpoint(treeSize, Sha256.hex(root), timestamp, null);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.body().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(
                    treeSize,
                    unsigned.rootHash(),
                    timestamp,
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** False for a wrong key, a changed field or a malformed signature; never throws. */
    public boolean verify(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body().getBytes(StandardCharsets.UTF_8));
            return signature != null && verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
