package io.sanjiaodi.audit.checkpoint.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * The text of a C2SP checkpoint (tlog-checkpoint.md): the origin line, the tree size in decimal
 * without leading zeroes, the base64 RFC 6962 root, then optional non-empty extension lines (this
 * log writes none), each line ending in a newline.
 */
public record TlogCheckpoint(String origin, long treeSize, byte[] rootHash, List<String> extensions) {

    public TlogCheckpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new NoteException(NoteException.MALFORMED, "a checkpoint's origin is one non-empty line");
        }
        if (treeSize < 0 || rootHash == null || rootHash.length != 32) {
            throw new NoteException(NoteException.MALFORMED, "a checkpoint has a size >= 0 and a 32-byte root");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.contains("\n")) {
                throw new NoteException(NoteException.MALFORMED, "extension lines are non-empty single lines");
            }
        }
    }

    public TlogCheckpoint(String origin, long treeSize, byte[] rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: what the log's and the witnesses' signatures sign. */
    public String text() {
        StringBuilder out = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(treeSize)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    public static TlogCheckpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new NoteException(NoteException.MALFORMED, "a checkpoint text ends in a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new NoteException(NoteException.MALFORMED, "a checkpoint has an origin, a size and a root");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new NoteException(NoteException.MALFORMED, "a tree size is decimal without leading zeroes");
        }
        long size;
        byte[] root;
        try {
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException(NoteException.MALFORMED, "a checkpoint's size is a long and its root base64");
        }
        if (root.length != 32 || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new NoteException(NoteException.MALFORMED, "a root is canonical base64 of 32 bytes");
        }
        return new TlogCheckpoint(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
    }

    /** Parses a signed checkpoint note, verifies it against the known keys and parses its text. */
    public static TlogCheckpoint open(String note, Collection<? extends NoteVerifier> known) {
        SignedNote signed = SignedNote.parse(note);
        signed.verify(known);
        return parse(signed.text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlogCheckpoint c
                && origin.equals(c.origin)
                && treeSize == c.treeSize
                && Arrays.equals(rootHash, c.rootHash)
                && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rootHash) * 31 + Long.hashCode(treeSize);
    }

    @Override
    public String toString() {
        return text();
    }
}
