package io.sanjiaodi.contracts.interview;

import org.axonframework.serialization.Revision;

@Revision("1")
public record InterviewCancelled(String interviewId, String reason) {}
