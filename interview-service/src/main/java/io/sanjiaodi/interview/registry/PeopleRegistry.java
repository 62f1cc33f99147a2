package io.sanjiaodi.interview.registry;

import io.sanjiaodi.interview.command.interview.Official;
import io.sanjiaodi.platform.Refusal;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads the reference registry of officials the service owns: the {@code people} collection, which
 * the registry's events keep ({@link PersonProjection}); changes are commands on
 * {@code RegisteredPerson}, seeded by {@link RegistrySeed}.
 */
@Service
public class PeopleRegistry {

    private final MongoTemplate mongo;

    public PeopleRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The official with this id as the registry knows them now; an id it does not know is refused. */
    public Official official(String personId) {
        Objects.requireNonNull(personId, "person id");
        Person person = mongo.findById(personId, Person.class);
        if (person == null) {
            throw Refusal.unprocessable("UNKNOWN_PERSON", "no official " + personId + " in the registry");
        }
        return person.official();
    }

    public List<Person> all() {
        return mongo.find(new Query().with(Sort.by("jurisdictionId", "_id")), Person.class);
    }

    /** The entry as it is in the collection, if any (the seed adopts entries kept before the registry was events). */
    public java.util.Optional<Person> lookup(String personId) {
        return java.util.Optional.ofNullable(mongo.findById(personId, Person.class));
    }

    public Person find(String personId) {
        Person person = mongo.findById(personId, Person.class);
        if (person == null) {
            throw Refusal.notFound("PERSON_NOT_FOUND", "no official " + personId + " in the registry");
        }
        return person;
    }
}
