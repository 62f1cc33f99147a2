package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import org.axonframework.serialization.Revision;

/** Scheduling was refused by the lead-interviewer rule; kept so that auditors see the attempt. */
@Revision("1")
public record InterviewSchedulingRefused(
        String interviewId, Interviewee interviewee, PersonRef proposedLeadInterviewer, String code, String reason) {}
