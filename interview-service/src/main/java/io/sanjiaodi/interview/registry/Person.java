package io.sanjiaodi.interview.registry;

import io.sanjiaodi.interview.command.interview.Official;
import io.sanjiaodi.interview.command.interview.OfficialRole;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An entry of the reference registry: a commission official, their post and where they serve. */
@Document("people")
public record Person(
        @Id String personId,
        String name,
        String post,
        OfficialRole role,
        String jurisdictionId,
        Set<String> supervisedUnitIds) {

    public Official official() {
        return new Official(personId, name, post, role, jurisdictionId, supervisedUnitIds);
    }
}
