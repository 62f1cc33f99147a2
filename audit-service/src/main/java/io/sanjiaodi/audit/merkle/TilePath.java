package io.sanjiaodi.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * A C2SP tlog-tiles resource path below {@code <prefix>/tile/}: {@code <L>/<N>[.p/<W>]} for a hash
 * tile, {@code entries/<N>[.p/<W>]} for an entry bundle. N is written in 3-digit elements, all but
 * the last prefixed with 'x' (1234067 is {@code x001/x234/067}). Only the canonical spelling parses,
 * as Go's {@code tlog.ParseTilePath} insists, so each resource has exactly one URL (and cache entry).
 *
 * @param level -1 for an entry bundle, else 0 to 63
 * @param width 256 for a full tile, 1 to 255 for a partial one
 */
public record TilePath(int level, long index, int width) {

    public static final int HEIGHT = 8;
    public static final int FULL = 1 << HEIGHT;
    public static final int ENTRIES = -1;

    public TilePath {
        if (level < ENTRIES || level > 63 || index < 0 || width < 1 || width > FULL) {
            throw new IllegalArgumentException("no tile " + level + "/" + index + "/" + width);
        }
    }

    public boolean entries() {
        return level == ENTRIES;
    }

    public boolean full() {
        return width == FULL;
    }

    /** The tree size from which on this tile exists: (N * 256 + W) * 256^L, or -1 beyond any long. */
    public long requiredTreeSize() {
        int shift = HEIGHT * Math.max(level, 0);
        if (shift >= 63 || index > (Long.MAX_VALUE >> shift) / FULL - 1) {
            return -1;
        }
        return (index * FULL + width) << shift;
    }

    /** The path after {@code tile/}. */
    public String path() {
        StringBuilder n = new StringBuilder(String.format("%03d", index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            n.insert(0, String.format("x%03d/", rest % 1000));
        }
        return (entries() ? "entries" : Integer.toString(level)) + "/" + n + (full() ? "" : ".p/" + width);
    }

    /** Parses the path after {@code tile/}; throws {@link IllegalArgumentException} unless it is canonical. */
    public static TilePath parse(String path) {
        String[] parts = path.split("/", -1);
        if (parts.length < 2) {
            throw bad(path);
        }
        int level = parseLevel(parts[0], path);
        int width = FULL;
        int last = parts.length - 1;
        if (parts.length >= 3 && parts[last - 1].endsWith(".p")) {
            width = parseSmall(parts[last], 1, FULL - 1, path);
            parts[last - 1] = parts[last - 1].substring(0, parts[last - 1].length() - 2);
            last--;
        }
        List<String> elements = new ArrayList<>(List.of(parts).subList(1, last + 1));
        if (elements.size() > 7) {
            throw bad(path);
        }
        long index = 0;
        for (int i = 0; i < elements.size(); i++) {
            String e = elements.get(i);
            boolean inner = i < elements.size() - 1;
            if (!e.matches(inner ? "x[0-9]{3}" : "[0-9]{3}")) {
                throw bad(path);
            }
            index = Math.multiplyExact(index, 1000) + Integer.parseInt(inner ? e.substring(1) : e);
        }
        TilePath tile;
        try {
            tile = new TilePath(level, index, width);
        } catch (IllegalArgumentException e) {
            throw bad(path);
        }
        if (!tile.path().equals(path)) {
            throw bad(path); // leading zero elements: x000/001 is spelled 001
        }
        return tile;
    }

    private static int parseLevel(String s, String path) {
        return "entries".equals(s) ? ENTRIES : parseSmall(s, 0, 63, path);
    }

    private static int parseSmall(String s, int min, int max, String path) {
        if (!s.matches("0|[1-9][0-9]{0,2}")) {
            throw bad(path);
        }
        int value = Integer.parseInt(s);
        if (value < min || value > max) {
            throw bad(path);
        }
        return value;
    }

    private static IllegalArgumentException bad(String path) {
        return new IllegalArgumentException("not a tile path: " + path);
    }
}
