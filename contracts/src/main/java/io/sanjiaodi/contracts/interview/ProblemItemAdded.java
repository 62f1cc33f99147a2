package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import org.axonframework.serialization.Revision;

/** {@code listVersion} counts every change to the three lists of this interview. */
/* 2: the item carries its source sealed ({@link ProblemItem#sealedSource()}) */
@Revision("2")
public record ProblemItemAdded(String interviewId, ProblemItem item, int listVersion) {}
