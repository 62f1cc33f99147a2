package io.sanjiaodi.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import io.sanjiaodi.devstack.DevMongo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;

/**
 * What DevMongo's page cache is worth once the data outgrow it: a fresh store per cache size,
 * {@code documents} documents of about 1 KB (a ledger view is larger, an interview view similar),
 * then reads by id at random from 8 clients, as the projections and queries read. Both sizes in
 * one run, so the ratio is fair on a loaded machine. Usage:
 * {@code java -cp benchmark.jar io.sanjiaodi.benchmark.DevMongoCacheBenchmark [documents] [reads] [cacheMb...]}.
 */
public final class DevMongoCacheBenchmark {

    private DevMongoCacheBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        int reads = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        List<Integer> caches = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            caches.add(Integer.parseInt(args[i]));
        }
        if (caches.isEmpty()) {
            caches.addAll(List.of(16, 192));
        }
        System.out.printf(
                "DevMongo page cache: %,d documents of ~1 KB, %,d reads by id from 8 clients, fresh store each%n",
                documents, reads);
        double first = 0;
        for (int cache : caches) {
            double rate = run(documents, reads, cache);
            first = first == 0 ? rate : first;
            System.out.printf("  cache %4d MB: %,10.0f reads/s (%.2f× the first)%n", cache, rate, rate / first);
        }
    }

    private static double run(int documents, int reads, int cacheMb) throws Exception {
        Path dir = Files.createTempDirectory("devmongo-cache-");
        int port = 27_100 + ThreadLocalRandom.current().nextInt(500);
        MongoServer server = DevMongo.start(dir.resolve("mongo.mv"), port, cacheMb);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            MongoCollection<Document> views = client.getDatabase("bench").getCollection("views");
            String filler = "整改措施".repeat(80); // ~1 KB in UTF-8
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", "view-" + i).append("seq", i).append("text", filler + i));
                if (batch.size() == 500) {
                    views.insertMany(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                views.insertMany(batch);
            }
            readAtRandom(views, documents, reads / 10); // warm-up
            long t0 = System.nanoTime();
            readAtRandom(views, documents, reads);
            return reads / ((System.nanoTime() - t0) / 1e9);
        } finally {
            server.shutdownNow();
        }
    }

    private static void readAtRandom(MongoCollection<Document> views, int documents, int reads) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            done.add(clients.submit(() -> {
                for (int r = 0; r < reads / 8; r++) {
                    String id = "view-" + ThreadLocalRandom.current().nextInt(documents);
                    if (views.find(Filters.eq("_id", id)).first() == null) {
                        throw new IllegalStateException("missing " + id);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
    }
}
