package io.sanjiaodi.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * An append-only array of 32-byte hashes in fixed-size chunks: a million hashes never need one
 * contiguous 32 MB block, and growing never copies what is already stored.
 */
final class HashStore {

    private static final int CHUNK_BITS = 15;
    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    void add(byte[] hash) {
        int offset = (int) (size & (CHUNK_HASHES - 1));
        if (offset == 0) {
            chunks.add(new byte[CHUNK_HASHES * Sha256.LENGTH]);
        }
        System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), offset * Sha256.LENGTH, Sha256.LENGTH);
        size++;
    }

    byte[] get(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        byte[] out = new byte[Sha256.LENGTH];
        int offset = (int) (index & (CHUNK_HASHES - 1)) * Sha256.LENGTH;
        System.arraycopy(chunks.get((int) (index >>> CHUNK_BITS)), offset, out, 0, Sha256.LENGTH);
        return out;
    }
}
