package io.sanjiaodi.audit.ingest;

/**
 * A 64-bit fingerprint of every event id stored in {@code audit_entries}, in an open-addressing
 * table (about 16 bytes an entry). It only answers "certainly not stored" or "maybe stored":
 * {@link AuditLog} asks MongoDB for the stored ids of a batch only when one of them may be stored
 * (a probable redelivery), instead of on every poll. A false positive costs that query, nothing
 * else; a stored id is never missed because every id MongoDB accepted (or held at the last
 * rebuild) was added. Whatever the set says, the unique {@code _id} index still refuses a
 * second copy. Not thread-safe: the appender owns it.
 */
final class RecordedIds {

    private long[] table = new long[1 << 12];
    private int size;

    void add(String id) {
        if (size * 2 >= table.length) {
            grow();
        }
        insert(table, fingerprint(id));
    }

    boolean mightContain(String id) {
        if (id == null) {
            return true;
        }
        long fp = fingerprint(id);
        int mask = table.length - 1;
        for (int slot = (int) fp & mask; ; slot = (slot + 1) & mask) {
            if (table[slot] == fp) {
                return true;
            }
            if (table[slot] == 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    private void insert(long[] into, long fp) {
        int mask = into.length - 1;
        for (int slot = (int) fp & mask; ; slot = (slot + 1) & mask) {
            if (into[slot] == fp) {
                return;
            }
            if (into[slot] == 0) {
                into[slot] = fp;
                if (into == table) {
                    size++;
                }
                return;
            }
        }
    }

    private void grow() {
        long[] old = table;
        long[] bigger = new long[old.length * 2];
        for (long fp : old) {
            if (fp != 0) {
                int mask = bigger.length - 1;
                int slot = (int) fp & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = fp;
            }
        }
        table = bigger;
    }

    /** FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser; never 0 (the empty slot). */
    static long fingerprint(String id) {
        if (id == null) {
            return 1;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
