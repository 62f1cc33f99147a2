package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenListItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over the frozen lists, so that anyone holding the handed-over content can prove it is
 * the version the talk used. Fields are length-prefixed: no two different lists share an input.
 */
final class ListsHash {

    private ListsHash() {
    }

    static String of(List<FrozenListItem> items) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (FrozenListItem item : items) {
                for (String field : new String[]{item.list().name(), item.itemId(), item.aspect(), item.text()}) {
                    byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
                    digest.update(Integer.toString(field == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) ':');
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
