package io.sanjiaodi.contracts.interview;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProblemItemRemoved(String interviewId, String itemId, int listVersion) {}
