package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import org.axonframework.serialization.Revision;

/** {@code listVersion} counts every change to the three lists of this interview. */
@Revision("1")
public record ProblemItemAdded(String interviewId, ProblemItem item, int listVersion) {}
