package io.sanjiaodi.platform.kafka.deadletter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Dead letters in the service's own MongoDB database. The keys that have parked letters are also
 * held in memory, because every consumed record is checked against them; the set is rebuilt from
 * MongoDB on start, so a restart keeps holding back what was held back.
 */
public class DeadLetterStore {

    private final MongoTemplate mongo;
    private final Set<String> parkedKeys = ConcurrentHashMap.newKeySet();

    public DeadLetterStore(MongoTemplate mongo) {
        this.mongo = mongo;
        for (DeadLetter letter : mongo.findAll(DeadLetter.class)) {
            parkedKeys.add(parkedKey(letter.group(), letter.key()));
        }
    }

    public boolean hasParked(String group, String key) {
        return key != null && parkedKeys.contains(parkedKey(group, key));
    }

    /** Idempotent: parking the same record twice (a redelivery) keeps one letter. */
    public void park(DeadLetter letter) {
        try {
            mongo.insert(letter);
        } catch (DuplicateKeyException alreadyParked) {
            // the same group/topic/partition/offset is parked already
        }
        if (letter.key() != null) {
            parkedKeys.add(parkedKey(letter.group(), letter.key()));
        }
    }

    public List<DeadLetter> all() {
        return mongo.find(new Query().with(order()).limit(1000), DeadLetter.class);
    }

    public long count() {
        return mongo.count(new Query(), DeadLetter.class);
    }

    /** The letters of one key in the order they were consumed. */
    public List<DeadLetter> forKey(String group, String key) {
        return mongo.find(
                Query.query(Criteria.where("group").is(group).and("key").is(key))
                        .with(order()),
                DeadLetter.class);
    }

    public void remove(DeadLetter letter) {
        mongo.remove(Query.query(Criteria.where("_id").is(letter.id())), DeadLetter.class);
        if (forKey(letter.group(), letter.key()).isEmpty()) {
            parkedKeys.remove(parkedKey(letter.group(), letter.key()));
        }
    }

    private static Sort order() {
        return Sort.by("group", "topic", "partition", "offset");
    }

    private static String parkedKey(String group, String key) {
        return group + "\u0000" + key;
    }
}
