package io.sanjiaodi.supervision.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;

/** An in-memory MongoDB-wire server and a template over it, as the supervision models' store in tests. */
public final class MongoWire implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend().version(ServerVersion.MONGO_5_0));
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate template = new MongoTemplate(client, "sup");

    public MongoWire() {
        ((MappingMongoConverter) template.getConverter()).afterPropertiesSet();
    }

    public MongoClient client() {
        return client;
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
