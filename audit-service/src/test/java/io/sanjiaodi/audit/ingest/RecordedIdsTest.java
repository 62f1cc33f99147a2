package io.sanjiaodi.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordedIdsTest {

    @Test
    void everyAddedIdIsFoundAndUnknownIdsAlmostNever() {
        RecordedIds ids = new RecordedIds();
        for (int i = 0; i < 200_000; i++) {
            ids.add(new UUID(i, ~i).toString());
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(ids.mightContain(new UUID(i, ~i).toString())).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 200_000; i++) {
            if (ids.mightContain("other-" + i)) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).isLessThan(5); // 64-bit fingerprints: a redundant query, never a missed duplicate
        assertThat(ids.size()).isEqualTo(200_000);
        assertThat(ids.mightContain(null)).isTrue();
    }
}
