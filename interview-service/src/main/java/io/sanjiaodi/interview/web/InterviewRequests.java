package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.common.CadreLevel;
import io.sanjiaodi.contracts.interview.InterviewConducted.ListKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the interview API; validated before any command is sent. */
final class InterviewRequests {

    private InterviewRequests() {
    }

    record IntervieweeBody(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String position,
            @NotBlank @Size(max = 64) String unitId,
            @NotBlank @Size(max = 200) String unitName,
            @NotBlank @Size(max = 64) String jurisdictionId,
            @NotNull CadreLevel cadreLevel,
            @NotNull LocalDate appointmentDate) {
    }

    record PersonBody(@NotBlank @Size(max = 64) String personId, @NotBlank @Size(max = 100) String name,
                      @Size(max = 200) String post) {
    }

    record ScheduleBody(@NotNull @Valid IntervieweeBody interviewee, @NotNull LocalDate plannedDate,
                        @Size(max = 200) String place, @NotNull @Valid PersonBody leadInterviewer) {
    }

    record ItemBody(@NotNull ListKind list, @Size(max = 200) String aspect, @NotBlank @Size(max = 4000) String text) {
    }

    record ConductBody(@NotNull LocalDate conductedOn, @Size(max = 200) String place) {
    }

    record Created(String id) {
    }
}
