package io.sanjiaodi.contracts.registry;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An official entered the commission's registry (who may lead, entrust, hand over).
 *
 * @param role              the official's role, e.g. {@code CITY_SECRETARY}, {@code STATIONED_AGENCY_HEAD}
 * @param supervisedUnitIds the units a stationed agency head supervises; empty for others
 */
@Revision("1")
public record PersonRegistered(
        String personId,
        String name,
        String post,
        String role,
        String jurisdictionId,
        List<String> supervisedUnitIds) {}
