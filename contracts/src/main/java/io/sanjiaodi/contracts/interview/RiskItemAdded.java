package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import org.axonframework.serialization.Revision;

/** {@code listVersion} counts every change to the three lists of this interview. */
@Revision("1")
public record RiskItemAdded(String interviewId, RiskItem item, int listVersion) {}
