package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import org.axonframework.serialization.Revision;

/** The item as it reads after the revision; the earlier text stays in the history. */
@Revision("1")
public record ResponsibilityItemRevised(String interviewId, ResponsibilityItem item, int listVersion) {}
