package io.sanjiaodi.interview.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.interview.command.person.PersonCommands.RegisterPerson;
import io.sanjiaodi.interview.command.unit.UnitCommands.RegisterUnit;
import io.sanjiaodi.interview.query.units.UnitView;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds the registry on start from {@code registry/units.json} and {@code registry/people.json}
 * through the commands, so the seed is on the record like every later edit. Idempotent: a unit or
 * official registered already is left as the administrator left it (the aggregate ignores the
 * seed's command). An official kept in the collection from before the registry was events is
 * registered as the collection has them, not as the seed says. Instances that start together seed
 * at once: where two create the same unit, the one that loses finds it created and sends again,
 * which the aggregate then ignores (before, the loser's start failed).
 */
@Component
class RegistrySeed implements ApplicationRunner {

    private final CommandGateway commands;
    private final PeopleRegistry people;
    private final ObjectMapper json;

    RegistrySeed(CommandGateway commands, PeopleRegistry people, ObjectMapper json) {
        this.commands = commands;
        this.people = people;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (UnitView u : read("/registry/units.json", new TypeReference<List<UnitView>>() {})) {
            send(new RegisterUnit(u.unitId(), u.name(), u.jurisdictionId(), u.leaderCadreLevel(), u.parentUnitId()));
        }
        for (Person seed : read("/registry/people.json", new TypeReference<List<Person>>() {})) {
            Person p = people.lookup(seed.personId()).orElse(seed);
            send(new RegisterPerson(
                    p.personId(), p.name(), p.post(), p.role(), p.jurisdictionId(), p.supervisedUnitIds()));
        }
    }

    /** Once more if another instance created the same record meanwhile: now it exists, and is left as it is. */
    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateStreamCreationException createdByAnother) {
            commands.sendAndWait(command);
        }
    }

    private <T> T read(String resource, TypeReference<T> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return json.readValue(in, type);
        }
    }
}
