package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleInterview(
        @TargetAggregateIdentifier InterviewId interviewId,
        Interviewee interviewee,
        LocalDate plannedDate,
        String place,
        PersonRef leadInterviewer) {
}
