package io.sanjiaodi.platform.kafka.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

    public DeadLetterController(DeadLetterStore store, DeadLetterRetrier retrier) {
        this.store = store;
        this.retrier = retrier;
    }

    /** Summaries only: the raw records are for the retry, not for reading (see {@link DeadLetterSummary}). */
    @GetMapping
    List<DeadLetterSummary> all() {
        return store.all().stream().map(DeadLetterSummary::of).toList();
    }

    @PostMapping("/retry")
    DeadLetterRetrier.Result retry(
            @RequestParam @NotBlank @Size(max = 100) String group,
            @RequestParam @NotBlank @Size(max = 200) String key) {
        return retrier.retry(group, key);
    }
}
