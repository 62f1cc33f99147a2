package io.sanjiaodi.interview.sources;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh 12-byte nonce per message, written as base64(nonce || ciphertext+tag).
 * The associated data binds a message to where it belongs: a ciphertext copied to another item or
 * a data key to another interview does not open.
 */
final class Aes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private Aes() {}

    static byte[] random(int bytes) {
        byte[] out = new byte[bytes];
        RANDOM.nextBytes(out);
        return out;
    }

    static String seal(SecretKey key, byte[] plaintext, String aad) {
        byte[] nonce = random(NONCE);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws SealBroken when the message was not sealed under this key for this associated data */
    static byte[] open(SecretKey key, String message, String aad) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(message);
        } catch (IllegalArgumentException notBase64) {
            throw new SealBroken("not a sealed message");
        }
        if (bytes.length <= NONCE) {
            throw new SealBroken("too short to be a sealed message");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(bytes, 0, NONCE)));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new SealBroken("the seal does not open with this key for " + aad);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A ciphertext that does not open: tampered, moved, or sealed under another key. */
    static final class SealBroken extends RuntimeException {
        SealBroken(String message) {
            super(message);
        }
    }
}
