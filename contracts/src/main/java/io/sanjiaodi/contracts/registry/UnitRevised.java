package io.sanjiaodi.contracts.registry;

import io.sanjiaodi.contracts.common.CadreLevel;
import org.axonframework.serialization.Revision;

/** The commission changed a registered unit; every field says the unit as it is now (see {@link UnitRegistered}). */
@Revision("1")
public record UnitRevised(
        String unitId, String name, String jurisdictionId, CadreLevel leaderCadreLevel, String parentUnitId) {}
