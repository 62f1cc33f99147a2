package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.interview.command.interview.AddListItem;
import io.sanjiaodi.interview.command.interview.ConductInterview;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.command.interview.ScheduleInterview;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.interviews.InterviewSummary;
import io.sanjiaodi.interview.web.InterviewRequests.ConductBody;
import io.sanjiaodi.interview.web.InterviewRequests.Created;
import io.sanjiaodi.interview.web.InterviewRequests.ItemBody;
import io.sanjiaodi.interview.web.InterviewRequests.ScheduleBody;
import io.sanjiaodi.platform.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/interviews")
class InterviewController {

    private final CommandGateway commands;
    private final InterviewQueries queries;

    InterviewController(CommandGateway commands, InterviewQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created schedule(@Valid @RequestBody ScheduleBody body) {
        InterviewId id = InterviewId.newId();
        var who = body.interviewee();
        var lead = body.leadInterviewer();
        commands.sendAndWait(new ScheduleInterview(id,
                new Interviewee(who.name(), who.position(), who.unitId(), who.unitName(), who.jurisdictionId(),
                        who.cadreLevel(), who.appointmentDate()),
                body.plannedDate(), body.place(), new PersonRef(lead.personId(), lead.name(), lead.post())));
        return new Created(id.value());
    }

    @PostMapping("/{interviewId}/items")
    @ResponseStatus(HttpStatus.CREATED)
    Created addItem(@PathVariable String interviewId, @Valid @RequestBody ItemBody body) {
        String itemId = UUID.randomUUID().toString();
        commands.sendAndWait(new AddListItem(new InterviewId(interviewId), itemId, body.list(), body.aspect(), body.text()));
        return new Created(itemId);
    }

    @PostMapping("/{interviewId}/conduct")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void conduct(@PathVariable String interviewId, @Valid @RequestBody ConductBody body) {
        commands.sendAndWait(new ConductInterview(new InterviewId(interviewId), body.conductedOn(), body.place()));
    }

    @GetMapping("/{interviewId}")
    InterviewSummary get(@PathVariable String interviewId) {
        return queries.find(interviewId).orElseThrow(() ->
                RuleViolation.notFound("INTERVIEW_NOT_FOUND", "no interview " + interviewId));
    }

    @GetMapping
    List<InterviewSummary> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return queries.page(page, size);
    }
}
