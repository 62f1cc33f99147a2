package io.sanjiaodi.rectification.command.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.platform.json.EventJson;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * interview-service stores an InterviewConducted of up to 880,000 bytes; the ledger opened from it
 * must fit this service's 900,000. The ledger repeats every item as a task with a few more fields,
 * so the worst case is three full lists of items with next to no text: there the task overhead is
 * largest against the item, and it must stay within the 20,000 bytes between the two limits.
 */
class FullListLedgerSizeTest {

    private static final int MARGIN = 900_000 - 880_000;

    @Test
    void theLedgerOfThreeFullListsOfTinyItemsIsLessThanTheMarginLargerThanTheTalk() throws Exception {
        int full = Given.LIMITS.itemsPerList();
        Signature signed = new Signature("某", Instant.parse("2019-03-01T02:00:00Z"));
        InterviewConducted talk = new InterviewConducted(
                UUID.randomUUID().toString(),
                Given.WHO,
                Given.TALK,
                "",
                new PersonRef("a", "b", "c"),
                new PersonRef("a", "b", "c"),
                "",
                signed,
                signed,
                new FrozenLists(
                        3 * full,
                        IntStream.range(0, full)
                                .mapToObj(n -> new ResponsibilityItem(id(), ResponsibilityKind.CUSTOM, "x", null))
                                .toList(),
                        IntStream.range(0, full)
                                .mapToObj(n -> new ProblemItem(id(), "x", "x", SourceChannel.INSPECTION_TOUR, null))
                                .toList(),
                        IntStream.range(0, full)
                                .mapToObj(n -> new RiskItem(id(), "x", "x", null, null, RiskLevel.LOW))
                                .toList()),
                "0".repeat(64),
                2);
        RectificationOpened ledger = new RectificationOpened(
                LedgerId.forInterview(talk.interviewId()).value(),
                talk.interviewId(),
                talk.interviewee().unitId(),
                talk.interviewee().unitName(),
                talk.interviewee().jurisdictionId(),
                RectificationRules.tasksFor(talk.lists()),
                talk.conductedOn(),
                Given.PLAN_DUE,
                Given.REPORT_DUE);

        int talkBytes = EventJson.mapper().writeValueAsBytes(talk).length;
        int ledgerBytes = EventJson.mapper().writeValueAsBytes(ledger).length;

        assertThat(ledger.tasks()).hasSize(3 * full);
        assertThat(ledgerBytes - talkBytes).isLessThan(MARGIN);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
