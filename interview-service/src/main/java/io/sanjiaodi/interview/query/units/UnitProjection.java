package io.sanjiaodi.interview.query.units;

import io.sanjiaodi.contracts.registry.UnitRegistered;
import io.sanjiaodi.contracts.registry.UnitRevised;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code units} collection, kept by the registry's events. In the processing group
 * {@code registry}, which is subscribing: a unit is in the collection once its command returns,
 * so scheduling right after the administrator's edit (or the seed) sees it.
 */
@Component
@ProcessingGroup("registry")
class UnitProjection {

    private final MongoTemplate mongo;

    UnitProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(UnitRegistered e) {
        mongo.save(new UnitView(e.unitId(), e.name(), e.jurisdictionId(), e.leaderCadreLevel(), e.parentUnitId()));
    }

    @EventHandler
    void on(UnitRevised e) {
        mongo.save(new UnitView(e.unitId(), e.name(), e.jurisdictionId(), e.leaderCadreLevel(), e.parentUnitId()));
    }
}
