package io.sanjiaodi.interview.command.person;

import io.sanjiaodi.interview.command.interview.OfficialRole;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@link RegisteredPerson} aggregate. */
public final class PersonCommands {

    private PersonCommands() {}

    /** Register an official unless registered already (then the entry stays as it is: the seed's command). */
    public record RegisterPerson(
            String personId,
            String name,
            String post,
            OfficialRole role,
            String jurisdictionId,
            Set<String> supervisedUnitIds) {

        @TargetAggregateIdentifier
        public String aggregateId() {
            return RegisteredPerson.aggregateIdOf(personId);
        }
    }

    /** Set an official's entry to these values, registering it if new (the administrator's PUT). */
    public record RevisePerson(
            String personId,
            String name,
            String post,
            OfficialRole role,
            String jurisdictionId,
            Set<String> supervisedUnitIds) {

        @TargetAggregateIdentifier
        public String aggregateId() {
            return RegisteredPerson.aggregateIdOf(personId);
        }
    }
}
