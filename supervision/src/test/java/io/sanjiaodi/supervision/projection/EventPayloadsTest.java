package io.sanjiaodi.supervision.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.rectification.RectificationOpened;
import io.sanjiaodi.contracts.rectification.TaskPlanned;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The tolerant reader: contract records from the bytes, whatever a newer producer adds. */
class EventPayloadsTest {

    @Test
    void aFollowedEventIsReadAsItsContractRecordAndAnyOtherIsNotReadAtAll() throws Exception {
        assertThat(read("TaskPlanned", """
                {"ledgerId": "ledger-1", "taskId": "t1", "deadline": "2019-03-31"}"""))
                .isEqualTo(new TaskPlanned(
                        "ledger-1", "t1", null, null, null, null, LocalDate.of(2019, 3, 31), null, null));
        assertThat(read("ProblemItemAdded", "not even JSON")).isNull();
    }

    @Test
    void aNewerProducersExtraFieldsAndEnumConstantsDoNotBreakTheReader() throws Exception {
        RectificationOpened opened = (RectificationOpened) read("RectificationOpened", """
                {"ledgerId": "ledger-1", "addedLater": {"any": ["shape"]},
                 "tasks": [{"taskId": "t1", "kind": "A_KIND_OF_LATER", "text": "整改", "priority": 1}]}""");
        assertThat(opened.ledgerId()).isEqualTo("ledger-1");
        assertThat(opened.tasks()).singleElement().satisfies(task -> {
            assertThat(task.taskId()).isEqualTo("t1");
            assertThat(task.kind()).isNull();
            assertThat(task.text()).isEqualTo("整改");
        });
    }

    @Test
    void aProblemsConfidentialSourceIsNeverReadWhateverItsShape() throws Exception {
        InterviewConducted conducted = (InterviewConducted) read("InterviewConducted", """
                {"interviewId": "iv-1", "conductedOn": "2019-03-01",
                 "lists": {"problems": [{"itemId": "p1", "description": "采购不规范", "confidentialSource": "实名举报人张某"},
                                        {"itemId": "p2", "confidentialSource": {"details": "张某", "reference": "信访件"}},
                                        {"itemId": "p3", "sealedSource": {"commitment": "ab12", "ciphertext": "Q0lQSEVSVEVYVA=="}}]}}""");
        assertThat(conducted.lists().problems())
                .extracting(p -> p.confidentialSource())
                .containsOnlyNulls();
        assertThat(conducted.lists().problems())
                .extracting(p -> p.sealedSource())
                .containsOnlyNulls();
        assertThat(EventPayloads.json(conducted.lists()))
                .contains("采购不规范")
                .doesNotContain("张某", "confidentialSource", "Q0lQSEVSVEVYVA==");
    }

    private static Object read(String type, String json) throws Exception {
        return EventPayloads.read(type, json.getBytes(StandardCharsets.UTF_8));
    }
}
