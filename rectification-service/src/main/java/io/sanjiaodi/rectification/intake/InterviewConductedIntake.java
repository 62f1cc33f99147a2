package io.sanjiaodi.rectification.intake;

import io.cloudevents.CloudEvent;
import io.sanjiaodi.contracts.Topics;
import io.sanjiaodi.contracts.interview.InterviewConducted;
import io.sanjiaodi.platform.kafka.CloudEventMapper;
import io.sanjiaodi.rectification.RectificationProperties;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import io.sanjiaodi.rectification.command.rectification.RectificationCommands.OpenRectification;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a ledger for every conducted interview. Idempotent: the ledger id is derived from the
 * interview id, so a redelivered event hits the event store's uniqueness and opens nothing new.
 */
@Component
class InterviewConductedIntake {

    private static final Logger log = LoggerFactory.getLogger(InterviewConductedIntake.class);

    private final CommandGateway commands;
    private final CloudEventMapper mapper;
    private final RectificationProperties settings;

    InterviewConductedIntake(CommandGateway commands, CloudEventMapper mapper, RectificationProperties settings) {
        this.commands = commands;
        this.mapper = mapper;
        this.settings = settings;
    }

    @KafkaListener(topics = Topics.INTERVIEW_EVENTS, groupId = "rectification-service")
    void on(CloudEvent event) {
        if (!InterviewConducted.class.getSimpleName().equals(event.getType())) {
            return;
        }
        InterviewConducted conducted = mapper.payload(event, InterviewConducted.class);
        LedgerId ledgerId = LedgerId.forInterview(conducted.interviewId());
        try {
            commands.sendAndWait(open(ledgerId, conducted));
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyOpen) {
            log.info("ledger {} already open; redelivered event {} ignored", ledgerId, event.getId());
        }
    }

    /** The due dates follow from the talk and the settings in force when the ledger is opened. */
    OpenRectification open(LedgerId ledgerId, InterviewConducted conducted) {
        LocalDate talk = conducted.conductedOn();
        String jurisdiction = conducted.interviewee().jurisdictionId();
        return new OpenRectification(
                ledgerId,
                conducted,
                talk.plusDays(settings.planDueDays()),
                talk.plus(settings.writtenReportDueIn(jurisdiction)));
    }
}
