package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 over the frozen lists, so that anyone holding the handed-over content can prove it is
 * the version the talk used. Every field is length-prefixed and every item tagged with its list:
 * no two different sets of lists share an input.
 */
public final class ListsHash {

    private ListsHash() {}

    public static String of(FrozenLists lists) {
        MessageDigest digest = sha256();
        field(digest, "v" + lists.version());
        for (ResponsibilityItem r : lists.responsibilities()) {
            fields(digest, "R", r.itemId(), Objects.toString(r.kind(), null), r.text(), r.templateId());
        }
        for (ProblemItem p : lists.problems()) {
            ConfidentialSource source = p.confidentialSource();
            fields(
                    digest,
                    "P",
                    p.itemId(),
                    p.aspect(),
                    p.description(),
                    Objects.toString(p.sourceChannel(), null),
                    source == null ? null : source.details(),
                    source == null ? null : source.reference());
        }
        for (RiskItem k : lists.risks()) {
            fields(
                    digest,
                    "K",
                    k.itemId(),
                    k.businessArea(),
                    k.description(),
                    k.typicalCases(),
                    k.preventionExpectations(),
                    Objects.toString(k.level(), null));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void fields(MessageDigest digest, String... values) {
        for (String value : values) {
            field(digest, value);
        }
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update((value == null ? "-1" : Integer.toString(bytes.length)).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
