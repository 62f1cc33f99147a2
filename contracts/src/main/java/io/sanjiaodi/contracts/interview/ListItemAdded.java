package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.ListKind;
import org.axonframework.serialization.Revision;

/** An item was added to one of the three lists while the interview is being prepared. */
@Revision("1")
public record ListItemAdded(String interviewId, String itemId, ListKind list, String aspect, String text) {
}
