package io.sanjiaodi.systemtest.fault;

import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.fault.Api.Answer;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One client of the interview API: issues interview flows (schedule, three list items, conduct)
 * while faults happen, and records in {@link Acks} exactly what the service answered. A flow stops
 * at the first command not acknowledged and nothing is retried, so a command that got no answer may
 * have happened once or not at all, never twice. Conducted interviews are handed to the
 * {@link RectificationClient} through {@code conducted}.
 */
final class LoadGenerator implements Runnable {

    /** Between two commands of a client: three clients at full speed would flood two cores (and the check). */
    private static final long THINK_MILLIS = Long.getLong("fault.think.ms", 150);

    private final int client;
    private final Supplier<String> interviewUrl;
    private final Acks acks;
    private final Queue<RectificationClient.Conducted> conducted;
    private final Api api = new Api();
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean running = true;

    LoadGenerator(
            int client, Supplier<String> interviewUrl, Acks acks, Queue<RectificationClient.Conducted> conducted) {
        this.client = client;
        this.interviewUrl = interviewUrl;
        this.acks = acks;
        this.conducted = conducted;
    }

    @Override
    public void run() {
        int n = 0;
        while (running) {
            flow(n++);
        }
    }

    void stop() {
        running = false;
    }

    int attempted() {
        return attempted.get();
    }

    int accepted() {
        return accepted.get();
    }

    /** nb-coop is a seeded unit of the registry: scheduling takes only registered units. */
    private void flow(int n) {
        Answer created = post(null, "InterviewScheduled", "/api/interviews", """
                {"interviewee": {"name": "对象%1$d-%2$d", "position": "党委书记", "unitId": "nb-coop",
                 "unitName": "市支援合作局", "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED",
                 "appointmentDate": "2018-10-20"},
                 "plannedDate": "2018-11-15", "place": "谈话室", "leadInterviewerId": "nb-secretary"}""".formatted(client, n));
        if (!created.acknowledged()) {
            return;
        }
        String id = created.body().get("id").asText();
        acks.record(id, "InterviewScheduled", created);
        String base = "/api/interviews/" + id;
        if (post(
                                id,
                                "ResponsibilityItemAdded",
                                base + "/responsibilities",
                                "{\"kind\": \"CUSTOM\", \"text\": \"专题研究\"}")
                        .acknowledged()
                && post(
                                id,
                                "ProblemItemAdded",
                                base + "/problems",
                                "{\"aspect\": \"工程\", \"description\": \"问题\", \"sourceChannel\": \"INSPECTION_TOUR\"}")
                        .acknowledged()
                && post(
                                id,
                                "RiskItemAdded",
                                base + "/risks",
                                "{\"businessArea\": \"食堂\", \"description\": \"风险\", \"level\": \"LOW\"}")
                        .acknowledged()
                && post(id, "InterviewConducted", base + "/conduct", """
                {"conductedOn": "2018-11-15", "leadInterviewerId": "nb-secretary", "handedOverById": "nb-office-1-director",
                 "recordSummary": "要点", "recordSignature": {"signedBy": "对象", "signedAt": "2018-11-15T02:30:00Z"},
                 "commitmentSignature": {"signedBy": "对象", "signedAt": "2018-11-15T02:31:00Z"}}""").acknowledged()) {
            conducted.add(new RectificationClient.Conducted(id, System.nanoTime()));
        }
    }

    /** The schedule is recorded by the caller once its answer names the id (null aggregate until then). */
    private Answer post(String aggregateId, String type, String path, String body) {
        attempted.incrementAndGet();
        Cluster.sleep(THINK_MILLIS);
        Answer answer = api.post(interviewUrl.get() + path, body, TestTokens.token("office"));
        if (answer.acknowledged()) {
            accepted.incrementAndGet();
        } else {
            Cluster.sleep(200);
        }
        if (aggregateId != null || !answer.acknowledged()) {
            acks.record(aggregateId, type, answer);
        }
        return answer;
    }
}
