package io.sanjiaodi.audit.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event id at each log index, kept so that verification can name an entry whose document
 * was deleted from MongoDB. Axon ids are UUIDs, stored as two longs (16 bytes a leaf); any other
 * id goes to a side map.
 */
final class EventIds {

    private static final int CHUNK = 1 << 14;
    private final List<long[]> chunks = new ArrayList<>();
    private final Map<Long, String> others = new HashMap<>();
    private long size;

    void add(String eventId) {
        int offset = (int) (size % CHUNK) * 2;
        if (offset == 0) {
            chunks.add(new long[CHUNK * 2]);
        }
        long[] chunk = chunks.get(chunks.size() - 1);
        UUID uuid = parse(eventId);
        if (uuid != null) {
            chunk[offset] = uuid.getMostSignificantBits();
            chunk[offset + 1] = uuid.getLeastSignificantBits();
        } else {
            others.put(size, eventId);
        }
        size++;
    }

    String get(long index) {
        if (index < 0 || index >= size) {
            return null;
        }
        String other = others.get(index);
        if (other != null) {
            return other;
        }
        long[] chunk = chunks.get((int) (index / CHUNK));
        int offset = (int) (index % CHUNK) * 2;
        return new UUID(chunk[offset], chunk[offset + 1]).toString();
    }

    private static UUID parse(String id) {
        if (id == null || id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null; // only ids that print back identically
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
