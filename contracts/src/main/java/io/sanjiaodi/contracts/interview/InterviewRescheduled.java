package io.sanjiaodi.contracts.interview;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InterviewRescheduled(String interviewId, LocalDate plannedDate, String place, String reason) {}
