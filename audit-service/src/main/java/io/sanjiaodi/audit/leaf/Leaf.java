package io.sanjiaodi.audit.leaf;

import io.sanjiaodi.audit.merkle.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What one log entry commits to. The byte encoding is the contract with every offline verifier
 * (audit-service/README.md, "Leaf encoding"); changing it needs a new version byte.
 *
 * @param eventTimeMillis  the CloudEvents time in epoch milliseconds (MongoDB keeps milliseconds)
 * @param payloadHash      SHA-256 of the RFC 8785 canonical JSON payload
 * @param prevLeafHash     leaf hash of the same aggregate's previous sequence number if that entry
 *                         precedes this one in the log, else 32 zero bytes
 */
public record Leaf(
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
        return Jcs.canonicalSha256(payload); // = SHA-256(Jcs.canonicalBytes(payload))
    }

    public byte[] encode() {
        byte[] payload = checked(payloadHash);
        byte[] previous = checked(prevLeafHash == null ? NO_PREVIOUS : prevLeafHash);
        byte[] id = utf8(eventId);
        byte[] typeBytes = utf8(type);
        byte[] sourceBytes = utf8(source);
        byte[] aggregate = utf8(aggregateId);
        byte[] actorBytes = utf8(actor);
        // one exactly sized array: version, 5 strings, 3 numbers, 2 hashes
        int length = 1
                + stringLength(id)
                + stringLength(typeBytes)
                + stringLength(sourceBytes)
                + stringLength(aggregate)
                + numberLength(aggregateSequence)
                + numberLength(eventTimeMillis)
                + 9
                + stringLength(actorBytes)
                + 2 * Sha256.LENGTH;
        ByteBuffer out = ByteBuffer.wrap(new byte[length]); // big-endian
        out.put(VERSION);
        string(out, id);
        string(out, typeBytes);
        string(out, sourceBytes);
        string(out, aggregate);
        number(out, aggregateSequence);
        number(out, eventTimeMillis);
        number(out, recordedAtMillis);
        string(out, actorBytes);
        out.put(payload);
        out.put(previous);
        return out.array();
    }

    /** SHA-256(0x00 || encode()). */
    public byte[] hash() {
        return Sha256.leafHash(encode());
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int stringLength(byte[] utf8) {
        return utf8 == null ? 1 : 5 + utf8.length;
    }

    private static int numberLength(Long value) {
        return value == null ? 1 : 9;
    }

    private static void string(ByteBuffer out, byte[] utf8) {
        if (utf8 == null) {
            out.put((byte) 0);
            return;
        }
        out.put((byte) 1);
        out.putInt(utf8.length);
        out.put(utf8);
    }

    private static void number(ByteBuffer out, Long value) {
        if (value == null) {
            out.put((byte) 0);
            return;
        }
        out.put((byte) 1);
        out.putLong(value);
    }

    private static byte[] checked(byte[] hash) {
        if (hash == null || hash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a leaf carries 32-byte hashes");
        }
        return hash;
    }
}
