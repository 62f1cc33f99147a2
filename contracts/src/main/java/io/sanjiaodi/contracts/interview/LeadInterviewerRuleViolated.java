package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.PersonRef;
import org.axonframework.serialization.Revision;

/** An attempt to conduct (or re-assign) the talk with a lead interviewer the rule does not allow. */
@Revision("1")
public record LeadInterviewerRuleViolated(
        String interviewId, String attempted, PersonRef leadInterviewer, String code, String reason) {}
