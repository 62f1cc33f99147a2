package io.sanjiaodi.contracts.statement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A producer's signed statement of what its outbox relay has published: the first {@code size}
 * events of its stream (positions 1..size, CloudEvents extension {@code producerseq}) have the
 * RFC 9162 Merkle root {@code rootHash}, where leaf i is SHA-256(0x00 || UTF-8 of the CloudEvents
 * id at position i). {@code heads} names every aggregate whose last event changed since the
 * producer's previous statement (all of them in the first statement after a start) with the
 * sequence number of that last event, so that a consumer missing an aggregate's tail, or a whole
 * aggregate, can say which.
 * <p>
 * The signature is Ed25519 over the UTF-8 text of {@link #body()}; {@code publicKey} is the
 * producer's key (X.509 SubjectPublicKeyInfo, base64), also served at {@code GET
 * /api/producer/public-key}. Travels as the JSON data of a CloudEvent of type {@value #TYPE}
 * on {@code sanjiaodi.statements}, keyed by the producer.
 */
public record ProducerStatement(
        String producer, long size, String rootHash, long time, List<Head> heads, String publicKey, String signature) {

    public static final String TYPE = "ProducerStatement";
    public static final String FORMAT = "sanjiaodi-producer-statement/v1";
    private static final Pattern TOKEN = Pattern.compile("[^\\s]+");

    /** An aggregate's last event in the stream so far: its id and 0-based sequence number. */
    public record Head(String aggregateId, long sequence) {}

    public ProducerStatement {
        heads = heads == null ? List.of() : List.copyOf(heads);
    }

    /**
     * The signed text, one item a line, each ending in '\n': the format, {@code producer <name>},
     * {@code size <n>}, {@code root <lower-case hex>}, {@code time <epoch ms>}, then one
     * {@code head <aggregate id> <sequence>} per head in the listed order.
     */
    public String body() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("producer ").append(token(producer)).append('\n');
        text.append("size ").append(size).append('\n');
        text.append("root ").append(token(rootHash)).append('\n');
        text.append("time ").append(time).append('\n');
        for (Head head : heads) {
            text.append("head ")
                    .append(token(head.aggregateId()))
                    .append(' ')
                    .append(head.sequence())
                    .append('\n');
        }
        return text.toString();
    }

    /** The same statement signed with the producer's key pair. */
    public ProducerStatement signed(PrivateKey key, PublicKey publicKey) {
        ProducerStatement unsigned = new ProducerStatement(
                producer,
                size,
                rootHash,
                time,
                heads,
                Base64.getEncoder().encodeToString(publicKey.getEncoded()),
                null);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(unsigned.body().getBytes(StandardCharsets.UTF_8));
            return new ProducerStatement(
                    producer,
                    size,
                    rootHash,
                    time,
                    heads,
                    unsigned.publicKey(),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a producer statement", e);
        }
    }

    /** The key the statement names, or null if it names none or a malformed one. */
    public PublicKey statedKey() {
        try {
            return publicKey == null
                    ? null
                    : KeyFactory.getInstance("Ed25519")
                            .generatePublic(
                                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** False for a wrong key, a changed field or a malformed signature; never throws. */
    public boolean verify(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body().getBytes(StandardCharsets.UTF_8));
            return signature != null && verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** A field that is one line item must not be able to pose as two (no whitespace, not empty). */
    private static String token(String value) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException("a statement field must be a non-empty token without whitespace");
        }
        return value;
    }
}
