package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.common.PersonRef;
import java.util.Set;

/**
 * A commission official as the reference registry knows them at the time of the command. The web
 * layer resolves it, so that the aggregate can apply the lead-interviewer rule without I/O.
 *
 * @param jurisdictionId    the jurisdiction the official serves (city or a county-level district)
 * @param supervisedUnitIds for the head of a stationed agency: the units (departments) it supervises
 */
public record Official(
        String personId,
        String name,
        String post,
        OfficialRole role,
        String jurisdictionId,
        Set<String> supervisedUnitIds) {

    public Official {
        supervisedUnitIds = supervisedUnitIds == null ? Set.of() : Set.copyOf(supervisedUnitIds);
    }

    public PersonRef ref() {
        return new PersonRef(personId, name, post);
    }
}
