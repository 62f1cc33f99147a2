package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.command.interview.OfficialRole;
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
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** The reference registry of officials (who may lead, entrust, hand over). */
@RestController
@Validated
@RequestMapping("/api/people")
class PeopleController {

    private final PeopleRegistry registry;

    PeopleController(PeopleRegistry registry) {
        this.registry = registry;
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
        return registry.save(new Person(
                personId.value(),
                body.name(),
                body.post(),
                body.role(),
                body.jurisdictionId(),
                body.supervisedUnitIds() == null ? Set.of() : body.supervisedUnitIds()));
    }
}
