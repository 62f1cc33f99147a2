package io.sanjiaodi.interview.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.interview.command.interview.Official;
import io.sanjiaodi.platform.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The reference registry of officials the service owns. Seeded from {@code registry/people.json}
 * on start: a seeded person is inserted only if absent, so an administrator's change is never undone.
 */
@Service
public class PeopleRegistry {

    private final MongoTemplate mongo;

    public PeopleRegistry(MongoTemplate mongo, ObjectMapper json) throws IOException {
        this.mongo = mongo;
        try (InputStream in = getClass().getResourceAsStream("/registry/people.json")) {
            for (Person person : json.readValue(in, new TypeReference<List<Person>>() {})) {
                try {
                    mongo.insert(person);
                } catch (DuplicateKeyException alreadyThere) {
                    // kept as the administrator left it
                }
            }
        }
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

    public Person find(String personId) {
        Person person = mongo.findById(personId, Person.class);
        if (person == null) {
            throw Refusal.notFound("PERSON_NOT_FOUND", "no official " + personId + " in the registry");
        }
        return person;
    }

    public Person save(Person person) {
        return mongo.save(person);
    }
}
