package io.sanjiaodi.witness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The witness's own Ed25519 key in {@code <data>/witness-ed25519.pk8} (PKCS#8, base64), its public
 * key beside it ({@code .pub}, X.509): generated on first start, the private key readable by its
 * owner only and appearing whole or not at all. It makes cosignature/v1 signatures (tlog-cosignature.md).
 */
public final class WitnessKey {

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] rawPublic;
    private final int keyId;

    public WitnessKey(String name, Path dataDir) throws IOException {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a witness name must be non-empty, without spaces or '+': " + name);
        }
        this.name = name;
        Path file = dataDir.resolve("witness-ed25519.pk8");
        Path pub = dataDir.resolve("witness-ed25519.pk8.pub");
        if (!Files.exists(file)) {
            generate(file, pub);
        }
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            privateKey = ed25519.generatePrivate(new PKCS8EncodedKeySpec(decode(Files.readString(file))));
            PublicKey publicKey =
                    ed25519.generatePublic(new java.security.spec.X509EncodedKeySpec(decode(Files.readString(pub))));
            rawPublic = VerifierKey.raw(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the witness key in " + file + " is not an Ed25519 key pair", e);
        }
        keyId = VerifierKey.keyId(name, VerifierKey.COSIGNATURE_V1, rawPublic);
    }

    public String name() {
        return name;
    }

    /** {@code <name>+<hex id>+base64(0x04 || key)}: what a log or a reader configures to check our cosignatures. */
    public String verifierKey() {
        byte[] material = new byte[33];
        material[0] = VerifierKey.COSIGNATURE_V1;
        System.arraycopy(rawPublic, 0, material, 1, 32);
        return name + "+" + String.format("%08x", keyId) + "+"
                + Base64.getEncoder().encodeToString(material);
    }

    /** The signature line: base64(key ID || big-endian timestamp || Ed25519 over the cosigned message). */
    String cosign(String checkpointText, long timestampSeconds) {
        String message = "cosignature/v1\ntime " + timestampSeconds + "\n" + checkpointText;
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a cosignature", e);
        }
        ByteBuffer out = ByteBuffer.allocate(4 + 8 + signature.length);
        out.putInt(keyId).putLong(timestampSeconds).put(signature);
        return Note.DASH + name + " " + Base64.getEncoder().encodeToString(out.array()) + "\n";
    }

    private static byte[] decode(String base64) {
        return Base64.getMimeDecoder().decode(base64.trim());
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
            // Windows: the directory's ACL protects it
        }
        Files.writeString(
                tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
        Files.writeString(
                pub, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
