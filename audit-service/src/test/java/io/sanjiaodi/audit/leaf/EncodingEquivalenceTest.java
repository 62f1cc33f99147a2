package io.sanjiaodi.audit.leaf;

import static org.assertj.core.api.Assertions.assertThat;

import io.sanjiaodi.audit.merkle.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The optimised JCS, payload hash and leaf encoding give exactly the bytes of the first versions. */
class EncodingEquivalenceTest {

    private final Random random = new Random(8785);

    @Test
    void canonicalJsonAndPayloadHashMatchTheReference() {
        for (int i = 0; i < 20_000; i++) {
            Object value = value(0);
            byte[] expected = ReferenceJcs.canonicalBytes(value);
            assertThat(Jcs.canonicalize(value)).isEqualTo(ReferenceJcs.canonicalize(value));
            assertThat(Jcs.canonicalBytes(value)).isEqualTo(expected);
            assertThat(Leaf.payloadHash(value)).isEqualTo(Sha256.hash(expected));
        }
    }

    @Test
    void utf8MatchesTheJdkIncludingUnpairedSurrogates() {
        for (int i = 0; i < 20_000; i++) {
            String s = string();
            byte[] out = new byte[s.length() * 3];
            int n = Jcs.utf8(s, out);
            assertThat(Arrays.copyOf(out, n)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void leafEncodingMatchesTheReference() {
        for (int i = 0; i < 20_000; i++) {
            byte[] payloadHash = new byte[32];
            byte[] prev = new byte[32];
            random.nextBytes(payloadHash);
            random.nextBytes(prev);
            String id = maybe(string());
            String type = maybe(string());
            String source = maybe(string());
            String aggregate = maybe(string());
            Long seq = random.nextBoolean() ? null : random.nextLong();
            Long time = random.nextBoolean() ? null : random.nextLong();
            long recorded = random.nextLong();
            String actor = maybe(string());
            byte[] link = random.nextInt(4) == 0 ? null : prev;
            Leaf leaf = new Leaf(id, type, source, aggregate, seq, time, recorded, actor, payloadHash, link);
            ReferenceLeaf reference =
                    new ReferenceLeaf(id, type, source, aggregate, seq, time, recorded, actor, payloadHash, link);
            assertThat(leaf.encode()).isEqualTo(reference.encode());
            assertThat(leaf.hash()).isEqualTo(reference.hash());
        }
    }

    private String maybe(String s) {
        return random.nextInt(5) == 0 ? null : s;
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
            case 5 -> string();
            case 6 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = switch (random.nextInt(3)) {
                    case 0 -> new Document();
                    case 1 -> new LinkedHashMap<>();
                    default -> new HashMap<>();
                };
                for (int i = random.nextInt(6); i > 0; i--) {
                    map.put(string(), value(depth + 1));
                }
                yield map;
            }
        };
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            s.append(
                    switch (random.nextInt(8)) {
                        case 0 -> (char) random.nextInt(0x20); // control characters
                        case 1 -> "\"\\/".charAt(random.nextInt(3));
                        case 2 -> (char) (0x80 + random.nextInt(0x780)); // two-byte UTF-8
                        case 3 -> (char) (0x800 + random.nextInt(0xd000)); // three-byte, CJK among them
                        case 4 -> "😀"; // a surrogate pair
                        case 5 -> (char) (0xd800 + random.nextInt(0x800)); // an unpaired surrogate
                        default -> (char) ('a' + random.nextInt(26));
                    });
        }
        return s.toString();
    }
}
