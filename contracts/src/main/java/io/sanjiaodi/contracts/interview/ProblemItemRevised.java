package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import org.axonframework.serialization.Revision;

/** The item as it reads after the revision; the earlier text stays in the history. */
/* 2: the item carries its source sealed ({@link ProblemItem#sealedSource()}) */
@Revision("2")
public record ProblemItemRevised(String interviewId, ProblemItem item, int listVersion) {}
