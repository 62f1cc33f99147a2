package io.sanjiaodi.contracts.registry;

import io.sanjiaodi.contracts.common.CadreLevel;
import org.axonframework.serialization.Revision;

/**
 * The commission registered a unit: which jurisdiction it belongs to and who manages its leader's
 * post. Scheduling and scope are checked against this, not against what a request claims.
 *
 * @param unitId             the unit's stable id, e.g. {@code nb-transport}
 * @param name               e.g. 市交通局
 * @param jurisdictionId     the jurisdiction the unit belongs to
 * @param leaderCadreLevel   who manages the post of the unit's leader (decides the lead interviewer)
 * @param parentUnitId       the unit it is subordinate to, {@code null} for none
 */
@Revision("1")
public record UnitRegistered(
        String unitId, String name, String jurisdictionId, CadreLevel leaderCadreLevel, String parentUnitId) {}
