package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import org.axonframework.serialization.Revision;

/** The item as it reads after the revision; the earlier text stays in the history. */
@Revision("1")
public record RiskItemRevised(String interviewId, RiskItem item, int listVersion) {}
