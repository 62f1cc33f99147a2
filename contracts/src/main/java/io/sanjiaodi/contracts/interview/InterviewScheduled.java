package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InterviewScheduled(
        String interviewId, Interviewee interviewee, LocalDate plannedDate, String place, PersonRef leadInterviewer) {}
