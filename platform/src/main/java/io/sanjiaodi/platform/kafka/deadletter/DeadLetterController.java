package io.sanjiaodi.platform.kafka.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators see what a consumer group could not handle, and retry it after the fix. */
@RestController
@Validated
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    private final DeadLetterStore store;
    private final DeadLetterRetrier retrier;
    private final OutboxDeadLetters outbox;

    public DeadLetterController(DeadLetterStore store, DeadLetterRetrier retrier) {
        this(store, retrier, null);
    }

    /** @param outbox the outbox relay's letters; null in a service that publishes nothing */
    public DeadLetterController(DeadLetterStore store, DeadLetterRetrier retrier, OutboxDeadLetters outbox) {
        this.store = store;
        this.retrier = retrier;
        this.outbox = outbox;
    }

    /**
     * Summaries only: the raw records are for the retry, not for reading (see {@link DeadLetterSummary}).
     * The outbox relay's letters first: while they wait, no consumer anywhere sees those events.
     */
    @GetMapping
    List<DeadLetterSummary> all() {
        List<DeadLetterSummary> all = new ArrayList<>();
        if (outbox != null) {
            all.addAll(outbox.summaries(LIMIT));
        }
        store.all().stream().map(DeadLetterSummary::of).forEach(all::add);
        return all.size() > LIMIT ? all.subList(0, LIMIT) : all;
    }

    private static final int LIMIT = 1000;

    @PostMapping("/retry")
    DeadLetterRetrier.Result retry(
            @RequestParam @NotBlank @Size(max = 100) String group,
            @RequestParam @NotBlank @Size(max = 200) String key) {
        return outbox != null && outbox.group().equals(group) ? outbox.retry(key) : retrier.retry(group, key);
    }
}
