package io.sanjiaodi.interview.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ProblemItemAdded;
import io.sanjiaodi.contracts.interview.ProblemItemRevised;
import io.sanjiaodi.interview.command.interview.ListsHash;
import io.sanjiaodi.platform.json.EventJson;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Events stored before sources were sealed (revision 1, {@code revision-1/} beside this test) still
 * read with the mapper the service reads its store with, and the version-1 hash of such a talk
 * still verifies against the hash it published.
 */
class OlderEventsTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Test
    void aRevisionOneTalkIsAVersionOneHashAndStillVerifies() throws IOException {
        InterviewConducted old = read(InterviewConducted.class);

        assertThat(old.listsHashVersion()).isZero();
        assertThat(old.effectiveListsHashVersion()).isEqualTo(1);
        assertThat(ListsHash.of(old.lists(), old.effectiveListsHashVersion())).isEqualTo(old.listsHash());
        assertThat(ListsHash.v2(old.lists())).isNotEqualTo(old.listsHash());
        assertThat(old.lists().problems().get(0).confidentialSource())
                .isEqualTo(new ConfidentialSource("实名举报", "信访件 2018-117"));
    }

    @Test
    void aRevisionOneProblemKeepsItsPlaintextSourceAndHasNoSealedOne() throws IOException {
        var added = read(ProblemItemAdded.class).item();
        var revised = read(ProblemItemRevised.class).item();

        assertThat(added.confidentialSource().reference()).startsWith("信访件");
        assertThat(added.sealedSource()).isNull();
        assertThat(revised.confidentialSource()).isNotNull();
        assertThat(revised.sealedSource()).isNull();
    }

    private static <T> T read(Class<T> type) throws IOException {
        try (InputStream in =
                OlderEventsTest.class.getResourceAsStream("revision-1/" + type.getSimpleName() + ".json")) {
            return JSON.readValue(in, type);
        }
    }
}
