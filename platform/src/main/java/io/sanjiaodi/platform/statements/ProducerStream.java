package io.sanjiaodi.platform.statements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The producer's published stream as an RFC 9162 Merkle tree kept as its right frontier: the roots
 * of the perfect subtrees that the binary digits of the size decompose it into, largest first. An
 * append combines at most log2(n) of them and the root folds them from the right, so a statement
 * costs O(log n) however long the stream is. Leaf data is the UTF-8 CloudEvents id. Besides the
 * tree, the aggregates whose last event changed since {@link #takeHeads()} was last called.
 */
public final class ProducerStream {

    private final List<byte[]> frontier = new ArrayList<>();
    private final Map<String, Long> heads = new LinkedHashMap<>();
    private long size;
    private long lastGlobalIndex = -1;

    public synchronized long size() {
        return size;
    }

    /** The global index of the last event appended, -1 before the first. */
    public synchronized long lastGlobalIndex() {
        return lastGlobalIndex;
    }

    public synchronized void append(EventStoreStream.StoredEvent event) {
        if (event.globalIndex() <= lastGlobalIndex) {
            throw new IllegalArgumentException("event " + event.eventId() + " at index " + event.globalIndex()
                    + " is not after " + lastGlobalIndex);
        }
        appendLeaf(event.eventId());
        lastGlobalIndex = event.globalIndex();
        if (event.aggregateType() != null && event.aggregateId() != null) {
            heads.remove(event.aggregateId()); // re-inserted last: heads keep the order of their last change
            heads.put(event.aggregateId(), event.sequence());
        }
    }

    void appendLeaf(String eventId) {
        byte[] hash = leafHash(eventId);
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = nodeHash(frontier.remove(frontier.size() - 1), hash);
        }
        frontier.add(hash);
        size++;
    }

    /** MTH of the whole stream (SHA-256 of nothing when empty). */
    public synchronized byte[] root() {
        if (frontier.isEmpty()) {
            return digest().digest();
        }
        byte[] root = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = nodeHash(frontier.get(i), root);
        }
        return root;
    }

    /**
     * At most {@code max} of the aggregates changed since they were last taken, with their last
     * sequence number, oldest change first; then forgets those. The rest wait for the next statement
     * (after a start every aggregate is "changed", and a statement must stay well under Kafka's 1 MB).
     */
    public synchronized Map<String, Long> takeHeads(int max) {
        Map<String, Long> taken = new LinkedHashMap<>();
        var it = heads.entrySet().iterator();
        while (it.hasNext() && taken.size() < max) {
            var head = it.next();
            taken.put(head.getKey(), head.getValue());
            it.remove();
        }
        return taken;
    }

    public synchronized boolean hasHeads() {
        return !heads.isEmpty();
    }

    /** Gives back heads a statement that was not sent would have carried (newer ones win). */
    public synchronized void restoreHeads(Map<String, Long> taken) {
        taken.forEach(heads::putIfAbsent);
    }

    /** SHA-256(0x00 || UTF-8(eventId)). */
    public static byte[] leafHash(String eventId) {
        MessageDigest digest = digest();
        digest.update((byte) 0);
        return digest.digest(eventId.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = digest();
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
