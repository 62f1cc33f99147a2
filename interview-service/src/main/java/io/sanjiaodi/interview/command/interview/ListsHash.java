package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;

/**
 * SHA-256 over the frozen lists, so that anyone holding the handed-over content can prove it is
 * the version the talk used. Every field is length-prefixed and every item tagged with its list:
 * no two different sets of lists share an input.
 *
 * <p>Version 1 hashed each problem's confidential source in clear, so whoever held the hash could
 * confirm a guessed source offline. Version 2 hashes the source's salted commitment instead: a unit
 * recomputes the hash from what it is shown (the commitment) and learns nothing about the source.
 * Its input starts with a domain tag where version 1's starts with {@code v<n>}, so the two never
 * share an input. Version 1 stays for the events that carry it.
 */
public final class ListsHash {

    /** The version new talks are hashed with. */
    public static final int CURRENT = 2;

    static final String V2_TAG = "sanjiaodi-lists-hash/v2";

    private ListsHash() {}

    public static String of(FrozenLists lists, int hashVersion) {
        return switch (hashVersion) {
            case 1 -> v1(lists);
            case 2 -> v2(lists);
            default -> throw new IllegalArgumentException("no lists hash version " + hashVersion);
        };
    }

    /** Sources in clear: only to verify events written before version 2. */
    public static String v1(FrozenLists lists) {
        return hash(lists, new String[] {"v" + lists.version()}, p -> {
            ConfidentialSource source = p.confidentialSource();
            return new String[] {source == null ? null : source.details(), source == null ? null : source.reference()};
        });
    }

    /** Each problem's source by its commitment ({@code -1:} when it has none). */
    public static String v2(FrozenLists lists) {
        return hash(lists, new String[] {V2_TAG, "v" + lists.version()}, p -> {
            SealedSource sealed = p.sealedSource();
            return new String[] {sealed == null ? null : sealed.commitment()};
        });
    }

    /** The two versions differ only in their header and in what stands for a problem's source. */
    private static String hash(FrozenLists lists, String[] header, Function<ProblemItem, String[]> source) {
        MessageDigest digest = sha256();
        fields(digest, header);
        responsibilities(digest, lists);
        for (ProblemItem p : lists.problems()) {
            fields(digest, "P", p.itemId(), p.aspect(), p.description(), Objects.toString(p.sourceChannel(), null));
            fields(digest, source.apply(p));
        }
        risks(digest, lists);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hex SHA-256 over the fields, length-prefixed the same way as the lists (the source commitment uses it). */
    public static String sha256Hex(String... values) {
        MessageDigest digest = sha256();
        fields(digest, values);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void responsibilities(MessageDigest digest, FrozenLists lists) {
        for (ResponsibilityItem r : lists.responsibilities()) {
            fields(digest, "R", r.itemId(), Objects.toString(r.kind(), null), r.text(), r.templateId());
        }
    }

    private static void risks(MessageDigest digest, FrozenLists lists) {
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
