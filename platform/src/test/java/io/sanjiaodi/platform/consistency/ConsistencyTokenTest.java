package io.sanjiaodi.platform.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.consistency.ConsistencyToken.Position;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistencyTokenTest {

    @Test
    void aTokenIsWrittenAsAggregateAtSequenceAndReadBackTheSame() {
        Map<String, Long> reached = new LinkedHashMap<>();
        reached.put("ledger-iv-1", 7L);
        reached.put("unit:nb-transport", 0L);

        ConsistencyToken token = ConsistencyToken.of(reached);

        assertThat(token).hasToString("ledger-iv-1@7,unit:nb-transport@0");
        assertThat(ConsistencyToken.parse(token.toString()).positions())
                .containsExactly(new Position("ledger-iv-1", 7), new Position("unit:nb-transport", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iv-1", "@3", "iv-1@", "iv-1@x", "iv-1@-1", "iv 1@2", "iv-1@2,,", "a/b@1"})
    void aMalformedTokenIsRefusedWithItsCode(String text) {
        assertThatThrownBy(() -> ConsistencyToken.parse(text)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo("CONSISTENCY_TOKEN_MALFORMED");
            assertThat(r.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
        });
    }

    @Test
    void aTokenOfMoreThanTwentyPositionsIsRefused() {
        String many = String.join(",", java.util.Collections.nCopies(21, "iv-1@1"));
        assertThatThrownBy(() -> ConsistencyToken.parse(many)).isInstanceOf(Refusal.class);
    }
}
