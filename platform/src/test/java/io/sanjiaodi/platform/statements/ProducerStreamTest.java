package io.sanjiaodi.platform.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The frontier tree against a plain recursive RFC 9162 MTH written from the RFC, for every size up to 300. */
class ProducerStreamTest {

    @Test
    void theIncrementalRootEqualsTheFullRecomputationAtEverySize() throws Exception {
        Random random = new Random(20);
        for (int run = 0; run < 5; run++) {
            ProducerStream stream = new ProducerStream();
            List<String> ids = new ArrayList<>();
            assertThat(hex(stream.root())).isEqualTo(hex(mth(ids)));
            int n = 1 + random.nextInt(300);
            for (int i = 0; i < n; i++) {
                String id =
                        random.nextInt(10) == 0 ? "事件-" + i : UUID.randomUUID().toString();
                ids.add(id);
                stream.append(new EventStoreStream.StoredEvent(i * 2L + random.nextInt(2), id, "a" + i % 7, "T", i));
                assertThat(hex(stream.root())).as("size %d", ids.size()).isEqualTo(hex(mth(ids)));
                assertThat(stream.size()).isEqualTo(ids.size());
            }
        }
    }

    @Test
    void headsNameEachChangedAggregateOnceWithItsLastSequenceAndArePartedOutUpToTheLimit() {
        ProducerStream stream = new ProducerStream();
        stream.append(new EventStoreStream.StoredEvent(1, "e1", "iv-1", "Interview", 0));
        stream.append(new EventStoreStream.StoredEvent(2, "e2", "iv-2", "Interview", 0));
        stream.append(new EventStoreStream.StoredEvent(3, "e3", "iv-1", "Interview", 1));
        stream.append(new EventStoreStream.StoredEvent(4, "e4", "e4", null, 0)); // a plain event: no aggregate

        assertThat(stream.takeHeads(1)).containsExactly(java.util.Map.entry("iv-2", 0L));
        assertThat(stream.hasHeads()).isTrue();
        assertThat(stream.takeHeads(10)).containsExactly(java.util.Map.entry("iv-1", 1L));
        assertThat(stream.hasHeads()).isFalse();
    }

    /** MTH of RFC 9162 section 2.1.1, recursively, straight from the definition. */
    static byte[] mth(List<String> ids) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (ids.isEmpty()) {
            return sha.digest();
        }
        if (ids.size() == 1) {
            sha.update((byte) 0);
            return sha.digest(ids.get(0).getBytes(StandardCharsets.UTF_8));
        }
        int k = Integer.highestOneBit(ids.size() - 1);
        byte[] left = mth(ids.subList(0, k));
        byte[] right = mth(ids.subList(k, ids.size()));
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
