package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.Signature;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.*;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.command.interview.Official;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.interviews.InterviewQueries.Filter;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.query.interviews.ListRevision;
import io.sanjiaodi.interview.query.units.UnitRegistry;
import io.sanjiaodi.interview.registry.PeopleRegistry;
import io.sanjiaodi.interview.sources.ReadableProblem;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.interview.web.InterviewRequests.*;
import io.sanjiaodi.interview.web.UrlIds.JurisdictionId;
import io.sanjiaodi.interview.web.UrlIds.UnitId;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.web.idempotency.IdempotencyKeys;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Scheduling, entrustment, rescheduling, cancelling and conducting interviews; interview queries. */
@RestController
@Validated
@RequestMapping("/api/interviews")
class InterviewController {

    private final CommandGateway commands;
    private final InterviewQueries queries;
    private final PeopleRegistry registry;
    private final SourceSealer sealer;
    private final UnitRegistry units;

    InterviewController(
            CommandGateway commands,
            InterviewQueries queries,
            PeopleRegistry registry,
            SourceSealer sealer,
            UnitRegistry units) {
        this.commands = commands;
        this.queries = queries;
        this.registry = registry;
        this.sealer = sealer;
        this.units = units;
    }

    /**
     * A lead interviewer the rule does not allow still leaves a record (InterviewSchedulingRefused);
     * the answer is then 422 with the rule's code and the id of that record. The unit, its
     * jurisdiction and cadre level are the unit registry's (a mismatch is refused, nothing stored).
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created schedule(@Valid @RequestBody ScheduleBody body) {
        InterviewId id = new InterviewId(IdempotencyKeys.derivedId("interview")); // a retry names the same one
        var who = body.interviewee();
        Actor actor = Actors.require();
        Actors.requireScope(actor.mayAccessJurisdiction(who.jurisdictionId()), "jurisdiction " + who.jurisdictionId());
        Interviewee interviewee = units.registered(
                new Interviewee(
                        who.name(),
                        who.position(),
                        who.unitId(),
                        who.unitName(),
                        who.jurisdictionId(),
                        who.cadreLevel(),
                        who.appointmentDate()),
                actor);
        Official lead = registry.official(body.leadInterviewerId());
        // the entruster is optional: only a deputy leading a city-managed talk needs one
        Official entrustedBy = body.entrustedById() == null ? null : registry.official(body.entrustedById());
        refuseIfRecorded(
                commands.sendAndWait(new ScheduleInterview(
                        id, interviewee, body.plannedDate(), body.place(), lead, entrustedBy, body.entrustedOn())),
                id);
        return new Created(id.value());
    }

    @PostMapping("/{interviewId}/entrustment")
    void entrust(@PathVariable InterviewId interviewId, @Valid @RequestBody EntrustBody body) {
        refuseIfRecorded(
                commands.sendAndWait(new EntrustLeadInterviewer(
                        interviewId,
                        registry.official(body.secretaryId()),
                        registry.official(body.deputyId()),
                        body.entrustedOn())),
                interviewId);
    }

    @PostMapping("/{interviewId}/reschedule")
    void reschedule(@PathVariable InterviewId interviewId, @Valid @RequestBody RescheduleBody body) {
        commands.sendAndWait(new RescheduleInterview(interviewId, body.plannedDate(), body.place(), body.reason()));
    }

    @PostMapping("/{interviewId}/cancel")
    void cancel(@PathVariable InterviewId interviewId, @Valid @RequestBody CancelBody body) {
        commands.sendAndWait(new CancelInterview(interviewId, body.reason()));
    }

    /** The lead interviewer defaults to the one on record; the rule is checked again either way. */
    @PostMapping("/{interviewId}/conduct")
    void conduct(@PathVariable InterviewId interviewId, @Valid @RequestBody ConductBody body) {
        String leadId = body.leadInterviewerId() != null
                ? body.leadInterviewerId()
                : queries.get(interviewId.value()).leadInterviewer.personId();
        refuseIfRecorded(
                commands.sendAndWait(new ConductInterview(
                        interviewId,
                        body.conductedOn(),
                        body.place(),
                        registry.official(leadId),
                        registry.official(body.handedOverById()).ref(),
                        body.recordSummary(),
                        signature(body.recordSignature()),
                        signature(body.commitmentSignature()),
                        body.confirmNoProblems())),
                interviewId);
    }

    @GetMapping("/{interviewId}")
    InterviewResponse get(@PathVariable InterviewId interviewId) {
        return forReader(queries.get(interviewId.value()), Actors.require());
    }

    @GetMapping("/{interviewId}/history")
    List<ListRevision> history(@PathVariable InterviewId interviewId) {
        Actor actor = Actors.require();
        return queries.history(interviewId.value()).stream()
                .map(r -> r.item() instanceof ProblemItem p
                        ? r.withItem(ReadableProblem.of(r.interviewId(), p, actor, sealer))
                        : r)
                .toList();
    }

    @GetMapping
    List<InterviewResponse> find(
            @RequestParam(required = false) JurisdictionId jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z_]{1,32}$") String status,
            @RequestParam(required = false) @Pattern(regexp = "^[A-Z_]{1,32}$") String cadreLevel,
            @RequestParam(required = false) UnitId unitId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Actor actor = Actors.require();
        var filter = new Filter(UrlIds.valueOf(jurisdictionId), year, status, cadreLevel, UrlIds.valueOf(unitId));
        return queries.find(filter, actor.scope(), page, size).stream()
                .map(v -> forReader(v, actor))
                .toList();
    }

    /** Sources are opened for the entitled readers; the others get each problem's commitment only. */
    private InterviewResponse forReader(InterviewView view, Actor actor) {
        return InterviewResponse.of(view, actor, sealer);
    }

    private static Signature signature(SignatureBody body) {
        return new Signature(body.signedBy(), body.signedAt());
    }

    /** A refusal the aggregate recorded as an event is still the answer to the request. */
    private static void refuseIfRecorded(Optional<Refusal> refusal, InterviewId interviewId) {
        Refusal.throwIfRecorded(refusal, "interview " + interviewId.value());
    }
}
