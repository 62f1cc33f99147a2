package io.sanjiaodi.witness;

import java.util.Base64;

/**
 * The first three lines of a C2SP checkpoint's note text (tlog-checkpoint.md): origin, decimal tree
 * size, base64 root hash; extension lines are allowed, must be non-empty, and are cosigned as they are.
 */
record Checkpoint(String origin, long size, byte[] root) {

    static Checkpoint parse(String text) {
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw WitnessRefusal.malformed("a checkpoint has at least three lines");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw WitnessRefusal.malformed("a checkpoint has no empty lines");
            }
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw WitnessRefusal.malformed("the checkpoint's root hash is not base64");
        }
        if (root.length != Hashes.LENGTH) {
            throw WitnessRefusal.malformed("the checkpoint's root hash is not 32 bytes");
        }
        return new Checkpoint(lines[0], decimal(lines[1], "tree size"), root);
    }

    /** An ASCII decimal with no leading zeroes (except "0" itself), as both specs require. */
    static long decimal(String s, String what) {
        if (s.isEmpty() || s.length() > 19 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw WitnessRefusal.malformed("the " + what + " is not a decimal without leading zeroes");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw WitnessRefusal.malformed("the " + what + " is not a decimal");
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw WitnessRefusal.malformed("the " + what + " is too large");
        }
    }

    String rootBase64() {
        return Base64.getEncoder().encodeToString(root);
    }
}
