package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.systemtest.fault.Cluster.Node;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * When a started service instance counts as up: its readiness answers 200. An audit-service
 * instance may instead be the hot standby (alive, readiness OUT_OF_SERVICE): it is up once it is
 * alive and one instance of audit-service is the writer.
 */
final class Readiness {

    private final Cluster cluster;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Readiness(Cluster cluster) {
        this.cluster = cluster;
    }

    void await(Node service) {
        await(service, () -> {
            throw new IllegalStateException(
                    service + " exited; see " + cluster.process(service).log());
        });
    }

    /**
     * Waits for {@code service} to be up; when it exits while starting (on two loaded cores a store
     * may not answer within the driver's server selection) {@code restart} starts it again, as a
     * supervisor would, at most twice; a third exit fails the run.
     */
    void await(Node service, Runnable restart) {
        for (int exits = 0; !upOrExited(service); exits++) {
            if (exits == 2) {
                throw new IllegalStateException(service + " exited three times; see "
                        + cluster.process(service).log());
            }
            System.out.println(service + " exited while starting; started again, as a supervisor would");
            restart.run();
        }
    }

    /** True once up, false when the process exited; throws when neither within 150 s. */
    private boolean upOrExited(Node service) {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(service)
                    || (service.first() == Node.AUDIT
                            && status(service, "/actuator/health/liveness") == 200
                            && cluster.instances(Node.AUDIT).stream().anyMatch(this::ready))) {
                return true;
            }
            if (!cluster.process(service).alive()) {
                return false;
            }
            Cluster.sleep(300);
        }
        throw new IllegalStateException(
                service + " not ready; see " + cluster.process(service).log());
    }

    boolean ready(Node service) {
        return status(service, "/actuator/health/readiness") == 200;
    }

    /** The status of a GET, or -1 when there is no answer (starting, stopped, paused). */
    private int status(Node service, String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(cluster.url(service) + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
