package io.sanjiaodi.witness;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note (signed-note.md): the text (ending in a newline) and its signature lines
 * {@code — <name> base64(keyId || signature)}. Parsing checks only the note's shape; which
 * signatures count is {@link VerifierKey}'s business.
 */
record Note(String text, List<Signature> signatures) {

    static final String DASH = "\u2014 ";
    /** Well above the 16 signatures a verifier must accept; a bound on what one request can make us check. */
    static final int MAX_SIGNATURES = 64;

    record Signature(String keyName, int keyId, byte[] signature, String line) {}

    static Note parse(String note) {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw WitnessRefusal.malformed("the note contains a control character");
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw WitnessRefusal.malformed("the note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw WitnessRefusal.malformed("the note has more than " + MAX_SIGNATURES + " signatures");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(signature(line));
        }
        return new Note(text, List.copyOf(signatures));
    }

    static Signature signature(String line) {
        if (!line.startsWith(DASH)) {
            throw WitnessRefusal.malformed("a signature line does not start with an em dash and a space");
        }
        int space = line.indexOf(' ', DASH.length());
        if (space <= DASH.length()) {
            throw WitnessRefusal.malformed("a signature line has no key name");
        }
        String name = line.substring(DASH.length(), space);
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw WitnessRefusal.malformed("a signature is not base64");
        }
        if (name.contains("+") || decoded.length < 4) {
            throw WitnessRefusal.malformed("a signature line has a bad key name or no key ID");
        }
        int keyId = ((decoded[0] & 0xff) << 24)
                | ((decoded[1] & 0xff) << 16)
                | ((decoded[2] & 0xff) << 8)
                | (decoded[3] & 0xff);
        byte[] signature = new byte[decoded.length - 4];
        System.arraycopy(decoded, 4, signature, 0, signature.length);
        return new Signature(name, keyId, signature, line);
    }
}
