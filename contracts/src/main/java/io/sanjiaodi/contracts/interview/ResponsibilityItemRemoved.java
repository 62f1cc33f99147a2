package io.sanjiaodi.contracts.interview;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ResponsibilityItemRemoved(String interviewId, String itemId, int listVersion) {}
