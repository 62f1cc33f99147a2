package io.sanjiaodi.audit.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.AuditFixture;
import io.sanjiaodi.audit.ingest.Events;
import io.sanjiaodi.audit.query.ReaderScope;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History pages, as-of summaries and diffs over a recorded interview and its ledger. */
class HistoryServiceTest {

    @TempDir
    Path keys;

    private AuditFixture audit;
    private HistoryService history;

    @BeforeEach
    void setUp() {
        audit = new AuditFixture(keys);
        history = new HistoryService(audit.mongo);
        String interviewee = "\"interviewee\":{\"unitId\":\"nb-coop\",\"jurisdictionId\":\"ningbo\"}";
        audit.log.append(
                List.of(
                        Events.draft(
                                "s",
                                "iv-1",
                                0,
                                "InterviewScheduled",
                                "{" + interviewee + ",\"leadInterviewer\":{\"personId\":\"sec\",\"name\":\"市纪委书记\"}}"),
                        Events.draft(
                                "p1",
                                "iv-1",
                                1,
                                "ProblemItemAdded",
                                "{\"item\":{\"itemId\":\"p1\"},\"listVersion\":1}"),
                        Events.draft(
                                "p2",
                                "iv-1",
                                2,
                                "ProblemItemAdded",
                                "{\"item\":{\"itemId\":\"p2\"},\"listVersion\":2}"),
                        Events.draft(
                                "r1", "iv-1", 3, "RiskItemAdded", "{\"item\":{\"itemId\":\"r1\"},\"listVersion\":3}"),
                        Events.draft("x", "iv-1", 4, "ProblemItemRemoved", "{\"itemId\":\"p1\",\"listVersion\":4}"),
                        Events.draft("odd", "iv-1", 5, "SomethingNobodyKnows", "{\"weird\":[1,2]}"),
                        Events.draft(
                                "c",
                                "iv-1",
                                6,
                                "InterviewConducted",
                                "{" + interviewee
                                        + ",\"leadInterviewer\":{\"name\":\"市纪委书记\"},\"lists\":{\"version\":4,\"responsibilities\":[],"
                                        + "\"problems\":[{\"itemId\":\"p2\"}],\"risks\":[{\"itemId\":\"r1\"}]}}"),
                        Events.draft(
                                "o",
                                "led-1",
                                0,
                                "RectificationOpened",
                                "{\"interviewId\":\"iv-1\",\"unitId\":\"nb-coop\","
                                        + "\"jurisdictionId\":\"ningbo\",\"tasks\":[{\"taskId\":\"t1\"},{\"taskId\":\"t2\"}]}")));
    }

    @AfterEach
    void tearDown() {
        audit.close();
    }

    @Test
    void historyFiltersByUnitJurisdictionTypeAndTimeWithPaging() {
        assertThat(history.find(
                                new HistoryFilter(null, "nb-coop", null, null, null, null, null),
                                ReaderScope.everything(),
                                0,
                                50)
                        .items())
                .extracting(e -> e.eventId())
                // the list events name no unit: they take their interview's
                .containsExactly("s", "p1", "p2", "r1", "x", "odd", "c", "o");
        assertThat(history.find(
                                new HistoryFilter(null, null, "ningbo", null, "RectificationOpened", null, null),
                                ReaderScope.everything(),
                                0,
                                50)
                        .total())
                .isEqualTo(1);
        var page = history.find(
                new HistoryFilter("iv-1", null, null, null, null, null, null), ReaderScope.everything(), 1, 3);
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.items()).extracting(e -> e.eventId()).containsExactly("r1", "x", "odd");
        Instant t2 = Instant.parse("2018-11-15T09:00:02.123Z");
        assertThat(history.find(
                                new HistoryFilter("iv-1", null, null, null, null, t2, t2.plusSeconds(2)),
                                ReaderScope.everything(),
                                0,
                                50)
                        .items())
                .extracting(e -> e.eventId())
                .containsExactly("p2", "r1");
        assertThat(history.find(
                                new HistoryFilter(null, null, null, "nobody", null, null, null),
                                ReaderScope.everything(),
                                0,
                                50)
                        .total())
                .isZero();
    }

    @Test
    void asOfReconstructsTheInterviewAtAPastTimeAndCheckpoint() {
        var before = history.asOf("iv-1", Instant.parse("2018-11-15T09:00:04.500Z"), null, ReaderScope.everything());
        assertThat(before.events()).hasSize(5);
        assertThat(before.summary().interview().status()).isEqualTo("SCHEDULED");
        assertThat(before.summary().interview().items())
                .containsEntry("PROBLEM", 1)
                .containsEntry("RISK", 1);
        assertThat(before.summary().interview().leadInterviewer()).isEqualTo("市纪委书记");

        var now = history.asOf("iv-1", null, null, ReaderScope.everything());
        assertThat(now.summary().interview().status()).isEqualTo("CONDUCTED");
        assertThat(now.summary().eventTypes()).containsEntry("SomethingNobodyKnows", 1);

        assertThat(history.asOf("iv-1", null, 2L, ReaderScope.everything()).events())
                .extracting(e -> e.eventId())
                .containsExactly("s", "p1");
        var ledger = history.asOf("led-1", null, null, ReaderScope.everything())
                .summary()
                .ledger();
        assertThat(ledger.tasks()).isEqualTo(2);
        assertThat(ledger.taskStatuses()).containsEntry("OPEN", 2);
    }

    @Test
    void aLedgersTaskStatusesSpeakTheOneVocabularyOfTheLedgersAndSupervision() {
        audit.log.append(List.of(
                Events.draft("t1p", "led-1", 1, "TaskPlanned", "{\"taskId\":\"t1\"}"),
                Events.draft("t2p", "led-1", 2, "TaskPlanned", "{\"taskId\":\"t2\"}"),
                Events.draft("t1v", "led-1", 3, "TaskVerified", "{\"taskId\":\"t1\"}"),
                Events.draft("t1r", "led-1", 4, "TaskPlanRevised", "{\"taskId\":\"t1\"}"),
                Events.draft("t2f", "led-1", 5, "TaskVerificationFailed", "{\"taskId\":\"t2\"}"),
                Events.draft("t2r", "led-1", 6, "ProgressReported", "{\"taskId\":\"t2\"}"),
                Events.draft("t9", "led-1", 7, "TaskPlanned", "{\"taskId\":\"t9\"}")));

        var ledger = history.asOf("led-1", null, null, ReaderScope.everything())
                .summary()
                .ledger();

        // t1 verified stays verified when its plan is revised; t2 back to planned after the failed check
        assertThat(ledger.taskStatuses()).containsExactlyInAnyOrderEntriesOf(Map.of("VERIFIED", 1, "PLANNED", 1));
        assertThat(ledger.tasks())
                .as("an event about a task the ledger never opened adds none")
                .isEqualTo(2);
    }

    @Test
    void diffListsTheEventsBetweenTwoTimes() {
        var diff = history.diff(
                "iv-1",
                Instant.parse("2018-11-15T09:00:03.500Z"),
                Instant.parse("2018-11-15T09:00:10Z"),
                ReaderScope.everything());
        assertThat(diff.events()).extracting(e -> e.eventId()).containsExactly("x", "odd", "c");
        assertThat(diff.before().interview().status()).isEqualTo("SCHEDULED");
        assertThat(diff.after().interview().status()).isEqualTo("CONDUCTED");
    }
}
