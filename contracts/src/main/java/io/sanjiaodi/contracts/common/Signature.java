package io.sanjiaodi.contracts.common;

import java.time.Instant;

/** Who signed a document of the talk (interview record, integrity commitment) and when. */
public record Signature(String signedBy, Instant signedAt) {}
