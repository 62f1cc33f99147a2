package io.sanjiaodi.interview.command.person;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sanjiaodi.contracts.registry.PersonRegistered;
import io.sanjiaodi.contracts.registry.PersonRevised;
import io.sanjiaodi.interview.command.person.PersonCommands.RegisterPerson;
import io.sanjiaodi.interview.command.person.PersonCommands.RevisePerson;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An official in the commission's registry (who may lead, entrust, hand over). Every change is an
 * event on the record, so who changed the registry, and when, is in the audit trail like the
 * interviews it decides.
 */
@Aggregate(cache = "aggregateCache")
public class RegisteredPerson {

    /**
     * A person's stream in the event store: the registry's ids are chosen by people, and every
     * aggregate of this service shares one store (and one aggregate cache), so a a person id that
     * equals another record's id would load that record's events. The prefix gives each kind its own
     * namespace; the published events still name the personId itself.
     */
    @AggregateIdentifier
    private String aggregateId;

    private String personId;

    private PersonRevised current;

    static String aggregateIdOf(String personId) {
        return "person:" + personId;
    }

    protected RegisteredPerson() {
        // for Axon
    }

    /** Seeding: an official registered already is left as the administrator left them. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RegisterPerson c) {
        if (personId != null) {
            return false;
        }
        requireValid(c.name(), c.role());
        apply(new PersonRegistered(
                c.personId(), c.name(), c.post(), c.role().name(), c.jurisdictionId(), sorted(c.supervisedUnitIds())));
        return true;
    }

    /** Registers a new official or records the change; an unchanged entry records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RevisePerson c) {
        requireValid(c.name(), c.role());
        PersonRevised now = new PersonRevised(
                c.personId(), c.name(), c.post(), c.role().name(), c.jurisdictionId(), sorted(c.supervisedUnitIds()));
        if (personId == null) {
            apply(new PersonRegistered(
                    now.personId(), now.name(), now.post(), now.role(), now.jurisdictionId(), now.supervisedUnitIds()));
        } else if (!now.equals(current)) {
            apply(now);
        }
    }

    private static void requireValid(String name, Object role) {
        if (name == null || name.isBlank() || role == null) {
            throw Refusal.unprocessable("PERSON_INCOMPLETE", "an official needs a name and a role");
        }
    }

    private static List<String> sorted(Set<String> units) {
        return units == null ? List.of() : units.stream().sorted().toList();
    }

    @EventSourcingHandler
    void on(PersonRegistered e) {
        aggregateId = aggregateIdOf(e.personId());
        personId = e.personId();
        current = new PersonRevised(
                e.personId(), e.name(), e.post(), e.role(), e.jurisdictionId(), List.copyOf(e.supervisedUnitIds()));
    }

    @EventSourcingHandler
    void on(PersonRevised e) {
        current = new PersonRevised(
                e.personId(), e.name(), e.post(), e.role(), e.jurisdictionId(), List.copyOf(e.supervisedUnitIds()));
    }
}
