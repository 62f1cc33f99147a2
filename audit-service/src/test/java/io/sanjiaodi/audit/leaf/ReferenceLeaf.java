package io.sanjiaodi.audit.leaf;

import io.sanjiaodi.audit.merkle.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The leaf encoding as first written (ByteArrayOutputStream), the reference for the sized-array one.
 * Original documentation:
 *
 * What one log entry commits to. The byte encoding is the contract with every offline verifier
 * (audit-service/README.md, "Leaf encoding"); changing it needs a new version byte.
 *
 * @param eventTimeMillis  the CloudEvents time in epoch milliseconds (MongoDB keeps milliseconds)
 * @param payloadHash      SHA-256 of the RFC 8785 canonical JSON payload
 * @param prevLeafHash     leaf hash of the same aggregate's previous sequence number if that entry
 *                         precedes this one in the log, else 32 zero bytes
 */
record ReferenceLeaf(
        String eventId,
        String type,
        String source,
        String aggregateId,
        Long aggregateSequence,
        Long eventTimeMillis,
        long recordedAtMillis,
        String actor,
        byte[] payloadHash,
        byte[] prevLeafHash) {

    public static final byte VERSION = 1;
    public static final byte[] NO_PREVIOUS = new byte[Sha256.LENGTH];

    public static byte[] payloadHash(Object payload) {
        return Sha256.hash(ReferenceJcs.canonicalBytes(payload));
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        string(out, eventId);
        string(out, type);
        string(out, source);
        string(out, aggregateId);
        number(out, aggregateSequence);
        number(out, eventTimeMillis);
        number(out, recordedAtMillis);
        string(out, actor);
        hash(out, payloadHash);
        hash(out, prevLeafHash == null ? NO_PREVIOUS : prevLeafHash);
        return out.toByteArray();
    }

    /** SHA-256(0x00 || encode()). */
    public byte[] hash() {
        return Sha256.leafHash(encode());
    }

    private static void string(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write(0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void number(ByteArrayOutputStream out, Long value) {
        if (value == null) {
            out.write(0);
            return;
        }
        out.write(1);
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

    private static void hash(ByteArrayOutputStream out, byte[] hash) {
        if (hash == null || hash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a leaf carries 32-byte hashes");
        }
        out.writeBytes(hash);
    }
}
