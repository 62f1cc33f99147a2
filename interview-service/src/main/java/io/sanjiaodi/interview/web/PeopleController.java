package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.command.interview.OfficialRole;
import io.sanjiaodi.interview.command.person.PersonCommands.RevisePerson;
import io.sanjiaodi.interview.registry.PeopleRegistry;
import io.sanjiaodi.interview.registry.Person;
import io.sanjiaodi.interview.web.UrlIds.PersonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** The reference registry of officials (who may lead, entrust, hand over); an edit is a command on the record. */
@RestController
@Validated
@RequestMapping("/api/people")
class PeopleController {

    private final PeopleRegistry registry;
    private final CommandGateway commands;

    PeopleController(PeopleRegistry registry, CommandGateway commands) {
        this.registry = registry;
        this.commands = commands;
    }

    record PersonBody(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String post,
            @NotNull OfficialRole role,

            @NotBlank @Pattern(regexp = InterviewRequests.ID)
            String jurisdictionId,

            Set<@Pattern(regexp = InterviewRequests.ID) String> supervisedUnitIds) {}

    @GetMapping
    List<Person> all() {
        return registry.all();
    }

    @GetMapping("/{personId}")
    Person get(@PathVariable PersonId personId) {
        return registry.find(personId.value());
    }

    @PutMapping("/{personId}")
    Person put(@PathVariable PersonId personId, @Valid @RequestBody PersonBody body) {
        Set<String> units = body.supervisedUnitIds() == null ? Set.of() : body.supervisedUnitIds();
        commands.sendAndWait(new RevisePerson(
                personId.value(), body.name(), body.post(), body.role(), body.jurisdictionId(), units));
        return new Person(personId.value(), body.name(), body.post(), body.role(), body.jurisdictionId(), units);
    }
}
