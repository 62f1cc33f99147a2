package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import org.axonframework.serialization.Revision;

/** {@code listVersion} counts every change to the three lists of this interview. */
@Revision("1")
public record ResponsibilityItemAdded(String interviewId, ResponsibilityItem item, int listVersion) {}
