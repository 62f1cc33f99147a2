package io.sanjiaodi.interview.query.units;

import io.sanjiaodi.contracts.common.CadreLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A registered unit as the registry's events left it. */
@Document("units")
public record UnitView(
        @Id String unitId, String name, String jurisdictionId, CadreLevel leaderCadreLevel, String parentUnitId) {}
