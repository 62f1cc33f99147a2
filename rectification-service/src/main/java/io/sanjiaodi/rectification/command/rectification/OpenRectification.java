package io.sanjiaodi.rectification.command.rectification;

import io.sanjiaodi.contracts.interview.InterviewConducted;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open the ledger of a conducted interview; sent by the intake of {@code interview.events}. */
public record OpenRectification(@TargetAggregateIdentifier LedgerId ledgerId, InterviewConducted interview) {
}
