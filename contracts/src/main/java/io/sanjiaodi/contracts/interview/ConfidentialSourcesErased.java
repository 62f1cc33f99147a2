package io.sanjiaodi.contracts.interview;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An administrator destroyed the interview's data key (crypto-shredding): every sealed source of
 * it, wherever it was copied (the topic, the audit trail, read models), can no longer be opened.
 * The commitments stay, so the frozen lists' hash and every audit proof still verify.
 */
@Revision("1")
public record ConfidentialSourcesErased(String interviewId, String reason, Instant erasedAt) {}
