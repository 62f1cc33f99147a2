package io.sanjiaodi.platform.consistency;

import io.sanjiaodi.platform.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a command reached, as a client carries it from the command's answer to its next query:
 * each aggregate the command changed and the sequence number of its last event, written
 * {@code <aggregateId>@<sequence>}, several joined by commas.
 */
public record ConsistencyToken(List<Position> positions) {

    /** The header a command's answer carries it in and a query sends it back in. */
    public static final String HEADER = "Consistency-Token";
    /** The query parameter that may carry it instead (for a link, e.g. a file download). */
    public static final String PARAMETER = "consistency";

    private static final int MAX_POSITIONS = 20;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_:.-]{1,200}");

    /** One aggregate at one sequence number. */
    public record Position(String aggregateId, long sequence) {}

    public ConsistencyToken {
        positions = List.copyOf(positions);
    }

    static ConsistencyToken of(Map<String, Long> reached) {
        List<Position> positions = new ArrayList<>();
        reached.forEach((id, seq) -> positions.add(new Position(id, seq)));
        return new ConsistencyToken(positions);
    }

    /** Reads a token a client sent; a malformed one is refused with {@code CONSISTENCY_TOKEN_MALFORMED}. */
    public static ConsistencyToken parse(String text) {
        String[] parts = text.strip().split(",", -1);
        if (parts.length > MAX_POSITIONS) {
            throw malformed("more than " + MAX_POSITIONS + " positions");
        }
        List<Position> positions = new ArrayList<>();
        for (String part : parts) {
            int at = part.lastIndexOf('@');
            if (at <= 0) {
                throw malformed("expected <aggregateId>@<sequence>, got '" + part + "'");
            }
            String id = part.substring(0, at).strip();
            if (!ID.matcher(id).matches()) {
                throw malformed("not an aggregate id: '" + id + "'");
            }
            try {
                long sequence = Long.parseLong(part.substring(at + 1).strip());
                if (sequence < 0) {
                    throw malformed("negative sequence in '" + part + "'");
                }
                positions.add(new Position(id, sequence));
            } catch (NumberFormatException e) {
                throw malformed("not a sequence number in '" + part + "'");
            }
        }
        return new ConsistencyToken(positions);
    }

    @Override
    public String toString() {
        return positions.stream().map(p -> p.aggregateId() + "@" + p.sequence()).collect(Collectors.joining(","));
    }

    private static Refusal malformed(String why) {
        return Refusal.unprocessable("CONSISTENCY_TOKEN_MALFORMED", "consistency token: " + why);
    }
}
