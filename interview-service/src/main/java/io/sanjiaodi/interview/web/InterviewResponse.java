package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.sources.ReadableProblem;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.platform.security.Actor;
import java.time.LocalDate;
import java.util.List;

/**
 * An interview as the API returns it: the read model's fields, with each problem cut or opened for
 * the reader ({@link ReadableProblem}), so that a sealed source never leaves as stored.
 */
record InterviewResponse(
        String interviewId,
        Interviewee interviewee,
        String jurisdictionId,
        String unitId,
        String cadreLevel,
        int year,
        LocalDate plannedDate,
        String place,
        PersonRef leadInterviewer,
        InterviewView.Entrustment entrustment,
        String status,
        InterviewView.RecordedRefusal refusal,
        String cancelReason,
        int listVersion,
        List<ResponsibilityItem> responsibilities,
        List<ReadableProblem> problems,
        List<RiskItem> risks,
        InterviewView.Conduct conduct,
        long lastSequence) {

    static InterviewResponse of(InterviewView v, Actor reader, SourceSealer sealer) {
        return new InterviewResponse(
                v.interviewId,
                v.interviewee,
                v.jurisdictionId,
                v.unitId,
                v.cadreLevel,
                v.year,
                v.plannedDate,
                v.place,
                v.leadInterviewer,
                v.entrustment,
                v.status,
                v.refusal,
                v.cancelReason,
                v.listVersion,
                v.responsibilities,
                v.problems.stream()
                        .map(p -> ReadableProblem.of(v.interviewId, p, reader, sealer))
                        .toList(),
                v.risks,
                v.conduct,
                v.lastSequence);
    }
}
