package io.sanjiaodi.rectification.query.ledgers;

import io.sanjiaodi.contracts.rectification.RectificationOpened.Task;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Read model: one ledger with its tasks as the unit and its supervisors see it. */
@Document("ledgers")
public record LedgerView(
        @Id String ledgerId,
        String interviewId,
        String unitId,
        String unitName,
        String jurisdictionId,
        String status,
        Instant openedAt,
        List<Task> tasks,
        long lastSequence) {
}
