package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.interview.InterviewConducted.ListKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddListItem(
        @TargetAggregateIdentifier InterviewId interviewId,
        String itemId,
        ListKind list,
        String aspect,
        String text) {
}
