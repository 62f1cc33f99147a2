package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Version 2 of the lists hash commits to each source through its commitment: whoever holds the
 * hash and the lists a unit is shown cannot test a guessed source against it. The known answer was
 * computed apart from the Java code (python3's hashlib over the canonical form, as in
 * {@code lists-hash-vectors.py}, with the tag {@value ListsHash#V2_TAG} first and each problem's
 * commitment in place of its source's two fields).
 */
class ListsHashV2Test {

    static final String COMMITMENT = "ab".repeat(32);
    static final ProblemItem SEALED = new ProblemItem(
            "p1", "工程建设", "招投标监管不到位", SourceChannel.PETITION_REPORT, null, new SealedSource(COMMITMENT, "x"));
    static final ProblemItem UNSOURCED = new ProblemItem("p2", "财务", "超标接待", SourceChannel.DAILY_SUPERVISION, null);
    static final FrozenLists LISTS = new FrozenLists(3, List.of(DUTY), List.of(SEALED, UNSOURCED), List.of(RISK));

    static FrozenLists with(ProblemItem first) {
        return new FrozenLists(3, List.of(DUTY), List.of(first, UNSOURCED), List.of(RISK));
    }

    @Test
    void theVersionTwoHashIsTheIndependentlyComputedKnownAnswer() {
        assertThat(ListsHash.v2(LISTS)).isEqualTo("b8b882fc137ccc67f832c1745f73233822bfabb1d60c2b7d6c2bd9d8328979ff");
        assertThat(ListsHash.of(LISTS, 2)).isEqualTo(ListsHash.v2(LISTS));
    }

    @Test
    void anotherCommitmentChangesTheHash() {
        var other = new ProblemItem(
                "p1", "工程建设", "招投标监管不到位", SourceChannel.PETITION_REPORT, null, new SealedSource("cd".repeat(32), "x"));
        var none = new ProblemItem("p1", "工程建设", "招投标监管不到位", SourceChannel.PETITION_REPORT, null, null);
        assertThat(ListsHash.v2(with(other))).isNotEqualTo(ListsHash.v2(LISTS));
        assertThat(ListsHash.v2(with(none))).isNotEqualTo(ListsHash.v2(LISTS));
    }

    @Test
    void theCiphertextAndAnyGuessedSourceLeaveTheHashAlone() {
        var reSealed = new ProblemItem(
                "p1", "工程建设", "招投标监管不到位", SourceChannel.PETITION_REPORT, null, new SealedSource(COMMITMENT, "other"));
        assertThat(ListsHash.v2(with(reSealed))).isEqualTo(ListsHash.v2(LISTS));
        // the attack of version 1: substitute a guessed source and compare with the published hash
        for (int n = 100; n < 130; n++) {
            var guess = new ProblemItem(
                    "p1",
                    "工程建设",
                    "招投标监管不到位",
                    SourceChannel.PETITION_REPORT,
                    new ConfidentialSource("实名举报", "信访件 2018-" + n));
            assertThat(ListsHash.v1(with(guess))).isNotEqualTo(ListsHash.v2(LISTS));
            assertThat(ListsHash.v2(with(guess))).isNotEqualTo(ListsHash.v2(LISTS));
        }
    }

    @Test
    void everyOtherFieldStillCountsInVersionTwo() {
        var aspect = new ProblemItem(
                "p1", "财务管理", SEALED.description(), SEALED.sourceChannel(), null, SEALED.sealedSource());
        assertThat(ListsHash.v2(with(aspect))).isNotEqualTo(ListsHash.v2(LISTS));
        assertThat(ListsHash.v2(new FrozenLists(4, LISTS.responsibilities(), LISTS.problems(), LISTS.risks())))
                .isNotEqualTo(ListsHash.v2(LISTS));
        assertThat(ListsHash.v2(new FrozenLists(3, List.of(), LISTS.problems(), LISTS.risks())))
                .isNotEqualTo(ListsHash.v2(LISTS));
        assertThat(ListsHash.v2(new FrozenLists(3, LISTS.responsibilities(), LISTS.problems(), List.of())))
                .isNotEqualTo(ListsHash.v2(LISTS));
    }

    @Test
    void versionOneAndVersionTwoNeverShareAnInput() {
        var unsourcedOnly = new FrozenLists(3, List.of(DUTY), List.of(UNSOURCED), List.of(RISK));
        assertThat(ListsHash.v1(unsourcedOnly)).isNotEqualTo(ListsHash.v2(unsourcedOnly));
        assertThat(ListsHash.of(unsourcedOnly, 1)).isEqualTo(ListsHash.v1(unsourcedOnly));
    }

    @Test
    void thereIsNoThirdVersion() {
        assertThatThrownBy(() -> ListsHash.of(LISTS, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListsHash.of(LISTS, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sha256HexIsTheLengthPrefixedDigestOfItsFields() {
        // python3: hashlib.sha256(b"1:a" + b"-1:" + b"2:bc").hexdigest()
        assertThat(ListsHash.sha256Hex("a", null, "bc"))
                .isEqualTo("28cbcf92c754faa2295d239a8344e79d3f0200a8ff693b0545d7bb65dddde45f");
        assertThat(ListsHash.sha256Hex("a", "bc")).isNotEqualTo(ListsHash.sha256Hex("ab", "c"));
    }
}
