package io.sanjiaodi.interview.command.interview;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConductInterview(
        @TargetAggregateIdentifier InterviewId interviewId,
        LocalDate conductedOn,
        String place) {
}
