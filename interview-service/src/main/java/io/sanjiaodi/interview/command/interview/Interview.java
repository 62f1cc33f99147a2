package io.sanjiaodi.interview.command.interview;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.contracts.interview.*;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.interview.command.interview.InterviewCommands.*;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.ActorScope;
import io.sanjiaodi.platform.settings.Limits;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The 三交底 integrity interview: scheduled (lead-interviewer rule checked), its three lists
 * prepared, then conducted — which freezes the lists. It may be rescheduled or cancelled until then.
 * The checks themselves are in {@link InterviewRules} and {@link LeadInterviewerRule}.
 */
@Aggregate(cache = "aggregateCache")
public class Interview {

    @AggregateIdentifier
    private String interviewId;

    private InterviewStatus status;
    private Interviewee interviewee;
    private PersonRef lead;
    private PersonRef entrustingSecretary;
    private String entrustedDeputyId;
    /** the code and reason of a refused scheduling, to answer a run of the same request again alike */
    private String refusedCode;

    private String refusedReason;
    /** the lists follow their own events (an entity), so this class keeps the rules */
    @AggregateMember
    private final PreparedLists lists = new PreparedLists();

    @AggregateMember
    private final ConfidentialSources sources = new ConfidentialSources();

    protected Interview() {
        // for Axon
    }

    /**
     * Fails closed: whoever sends a command must have this interview's unit and jurisdiction in
     * scope — the recorded interviewee's, or for scheduling the one the web layer checked against
     * the unit registry. The web layer's check reads the query model, which lags behind.
     */
    @CommandHandlerInterceptor
    Object actorInScope(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Interviewee of = interviewee != null
                ? interviewee
                : command.getPayload() instanceof ScheduleInterview s ? s.interviewee() : null;
        ActorScope.requireUnit(
                command.getMetaData(),
                of == null ? null : of.unitId(),
                of == null ? null : of.jurisdictionId(),
                "interview " + (interviewId != null ? interviewId : "being scheduled"));
        return chain.proceed();
    }

    /**
     * A refused scheduling still creates the record of the attempt, so auditors can see it; the
     * refusal is then the command's result (a creation policy rather than a constructor, so that
     * the caller learns the outcome without checking the rule a second time). The id is derived
     * from the request's Idempotency-Key, so an interview that exists already is the same request
     * run again after its answer was lost: it gets the first run's outcome and records nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Optional<Refusal> handle(ScheduleInterview command) {
        if (status != null) {
            return Optional.ofNullable(refusedCode).map(code -> Refusal.unprocessable(code, refusedReason));
        }
        Interviewee who = command.interviewee();
        InterviewRules.requireInterviewee(who, command.plannedDate());
        Optional<Refusal> refusal = LeadInterviewerRule.check(who, command.lead(), command.entrustedBy());
        String id = command.interviewId().value();
        if (refusal.isPresent()) {
            apply(new InterviewSchedulingRefused(
                    id,
                    who,
                    command.lead().ref(),
                    refusal.get().code(),
                    refusal.get().getMessage()));
            return refusal;
        }
        apply(new InterviewScheduled(
                id, who, command.plannedDate(), command.place(), command.lead().ref()));
        if (command.entrustedBy() != null) {
            apply(new LeadInterviewerEntrusted(
                    id,
                    command.entrustedBy().ref(),
                    command.lead().ref(),
                    command.entrustedOn() != null ? command.entrustedOn() : command.plannedDate()));
        }
        return Optional.empty();
    }

    @CommandHandler
    public Optional<Refusal> handle(EntrustLeadInterviewer command) {
        requireScheduled();
        Optional<Refusal> refusal = LeadInterviewerRule.check(interviewee, command.deputy(), command.secretary());
        if (refusal.isPresent()) {
            return violated("ENTRUST", command.deputy(), refusal.get());
        }
        apply(new LeadInterviewerEntrusted(
                interviewId, command.secretary().ref(), command.deputy().ref(), command.entrustedOn()));
        return Optional.empty();
    }

    @CommandHandler
    public void handle(RescheduleInterview command) {
        requireScheduled();
        InterviewRules.requireDateAfterAppointment(interviewee, command.plannedDate(), "TALK_BEFORE_APPOINTMENT");
        apply(new InterviewRescheduled(interviewId, command.plannedDate(), command.place(), command.reason()));
    }

    @CommandHandler
    public void handle(CancelInterview command) {
        requireScheduled();
        if (command.reason() == null || command.reason().isBlank()) {
            throw Refusal.unprocessable("CANCEL_REASON_REQUIRED", "a cancellation needs its reason");
        }
        apply(new InterviewCancelled(interviewId, command.reason()));
    }

    @CommandHandler
    public void handle(AddResponsibilityItem c, Limits limits) {
        requireScheduled();
        InterviewRules.requireNewItem(lists, c.item().itemId(), lists.responsibilities(), limits);
        apply(new ResponsibilityItemAdded(interviewId, c.item(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(ApplyResponsibilityTemplate c, Limits limits) {
        requireScheduled();
        InterviewRules.requireRoom(lists.responsibilities(), c.requiredItems().size(), limits);
        c.requiredItems().forEach(item -> InterviewRules.requireNewItem(lists, item.itemId()));
        int version = lists.version();
        for (var item : c.requiredItems()) {
            apply(new ResponsibilityItemAdded(interviewId, item, ++version));
        }
    }

    /**
     * A spreadsheet import: each item its own added event; items already on the lists (the same
     * import confirmed again) are skipped, and what is new must fit or nothing is added.
     */
    @CommandHandler
    public int handle(AddListItems c, Limits limits) {
        requireScheduled();
        AddListItems fresh = lists.notYetOn(c);
        InterviewRules.requireRoom(lists, fresh, limits);
        fresh.problems().forEach(sources::requireSealed);
        int before = lists.version();
        int version = before;
        for (var item : fresh.responsibilities()) apply(new ResponsibilityItemAdded(interviewId, item, ++version));
        for (var item : fresh.problems()) apply(new ProblemItemAdded(interviewId, item, ++version));
        for (var item : fresh.risks()) apply(new RiskItemAdded(interviewId, item, ++version));
        return version - before;
    }

    @CommandHandler
    public void handle(ReviseResponsibilityItem c) {
        requireScheduled();
        InterviewRules.requireItem(
                lists.hasResponsibility(c.item().itemId()), c.item().itemId());
        apply(new ResponsibilityItemRevised(interviewId, c.item(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(RemoveResponsibilityItem c) {
        requireScheduled();
        InterviewRules.requireItem(lists.hasResponsibility(c.itemId()), c.itemId());
        apply(new ResponsibilityItemRemoved(interviewId, c.itemId(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(AddProblemItem c, Limits limits) {
        requireScheduled();
        InterviewRules.requireNewItem(lists, c.item().itemId(), lists.problems(), limits);
        sources.requireSealed(c.item());
        apply(new ProblemItemAdded(interviewId, c.item(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(ReviseProblemItem c) {
        requireScheduled();
        InterviewRules.requireItem(lists.hasProblem(c.item().itemId()), c.item().itemId());
        sources.requireSealed(c.item());
        apply(new ProblemItemRevised(interviewId, c.item(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(RemoveProblemItem c) {
        requireScheduled();
        InterviewRules.requireItem(lists.hasProblem(c.itemId()), c.itemId());
        apply(new ProblemItemRemoved(interviewId, c.itemId(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(AddRiskItem c, Limits limits) {
        requireScheduled();
        InterviewRules.requireNewItem(lists, c.item().itemId(), lists.risks(), limits);
        apply(new RiskItemAdded(interviewId, c.item(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(ReviseRiskItem c) {
        requireScheduled();
        InterviewRules.requireItem(lists.hasRisk(c.item().itemId()), c.item().itemId());
        apply(new RiskItemRevised(interviewId, c.item(), lists.nextVersion()));
    }

    @CommandHandler
    public void handle(RemoveRiskItem c) {
        requireScheduled();
        InterviewRules.requireItem(lists.hasRisk(c.itemId()), c.itemId());
        apply(new RiskItemRemoved(interviewId, c.itemId(), lists.nextVersion()));
    }

    /** Checks the lead-interviewer rule again (the registry may have changed since scheduling). */
    @CommandHandler
    public Optional<Refusal> handle(ConductInterview c) {
        requireScheduled();
        InterviewRules.requireDateAfterAppointment(interviewee, c.conductedOn(), "TALK_BEFORE_APPOINTMENT");
        FrozenLists frozen = lists.freeze();
        InterviewRules.requireConductableLists(frozen, c.confirmNoProblems());
        ConfidentialSources.requireSealed(frozen);
        InterviewRules.requireSignatures(c);
        Optional<Refusal> refusal = LeadInterviewerRule.check(
                interviewee,
                c.lead(),
                LeadInterviewerRule.entrusterOnRecord(entrustingSecretary, entrustedDeputyId, c.lead()));
        if (refusal.isPresent()) {
            return violated("CONDUCT", c.lead(), refusal.get());
        }
        apply(c.conducted(interviewId, interviewee, frozen));
        return Optional.empty();
    }

    /** A breach of the lead-interviewer rule is on the record (auditors see it) and is the answer. */
    private Optional<Refusal> violated(String attempted, Official who, Refusal refusal) {
        apply(new LeadInterviewerRuleViolated(interviewId, attempted, who.ref(), refusal.code(), refusal.getMessage()));
        return Optional.of(refusal);
    }

    private void requireScheduled() {
        InterviewRules.requireStatus(status, InterviewStatus.SCHEDULED);
    }

    @EventSourcingHandler
    void on(InterviewScheduled e) {
        interviewId = e.interviewId();
        interviewee = e.interviewee();
        lead = e.leadInterviewer();
        status = InterviewStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(InterviewSchedulingRefused e) {
        interviewId = e.interviewId();
        interviewee = e.interviewee();
        status = InterviewStatus.REFUSED;
        refusedCode = e.code();
        refusedReason = e.reason();
    }

    @EventSourcingHandler
    void on(LeadInterviewerEntrusted e) {
        entrustingSecretary = e.secretary();
        entrustedDeputyId = e.deputy().personId();
        lead = e.deputy();
    }

    @EventSourcingHandler
    void on(InterviewCancelled e) {
        status = InterviewStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(InterviewConducted e) {
        status = InterviewStatus.CONDUCTED;
    }
}
