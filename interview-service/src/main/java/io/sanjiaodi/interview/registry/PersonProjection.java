package io.sanjiaodi.interview.registry;

import io.sanjiaodi.contracts.registry.PersonRegistered;
import io.sanjiaodi.contracts.registry.PersonRevised;
import io.sanjiaodi.interview.command.interview.OfficialRole;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code people} collection, kept by the registry's events (subscribing, like the units: an
 * edit is visible to the next scheduling once its command returns).
 */
@Component
@ProcessingGroup("registry")
class PersonProjection {

    private final MongoTemplate mongo;

    PersonProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PersonRegistered e) {
        save(e.personId(), e.name(), e.post(), e.role(), e.jurisdictionId(), e.supervisedUnitIds());
    }

    @EventHandler
    void on(PersonRevised e) {
        save(e.personId(), e.name(), e.post(), e.role(), e.jurisdictionId(), e.supervisedUnitIds());
    }

    private void save(String id, String name, String post, String role, String jurisdiction, List<String> units) {
        mongo.save(new Person(id, name, post, OfficialRole.valueOf(role), jurisdiction, Set.copyOf(units)));
    }
}
