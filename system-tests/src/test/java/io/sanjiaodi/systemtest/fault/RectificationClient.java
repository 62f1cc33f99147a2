package io.sanjiaodi.systemtest.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.systemtest.fault.Api.Answer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A client of the rectification API, the unit's side: for each interview whose conduct was
 * acknowledged it finds the ledger the pipeline opened (as the supervision office), then, as the
 * ledger's own unit, plans its first task and reports progress twice, recording in {@link Acks}
 * (by ledger id) what was acknowledged. Like the interview clients it stops a ledger's flow at the
 * first command not acknowledged and never retries.
 */
final class RectificationClient implements Runnable {

    /** An interview whose conduct was acknowledged, and when. */
    record Conducted(String interviewId, long nanos) {}

    private static final long GIVE_UP = Duration.ofSeconds(120).toNanos();
    private final Supplier<String> rectificationUrl;
    private final Acks acks;
    private final BlockingQueue<Conducted> conducted;
    private final Api api = new Api();
    private final AtomicInteger ledgersWorked = new AtomicInteger();
    private final AtomicInteger ledgersNotFound = new AtomicInteger();
    private volatile boolean running = true;

    RectificationClient(Supplier<String> rectificationUrl, Acks acks, BlockingQueue<Conducted> conducted) {
        this.rectificationUrl = rectificationUrl;
        this.acks = acks;
        this.conducted = conducted;
    }

    @Override
    public void run() {
        while (running) {
            Conducted next;
            try {
                next = conducted.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                continue;
            }
            JsonNode ledgers = api.get(
                    rectificationUrl.get() + "/api/ledgers?interviewId=" + next.interviewId(),
                    TestTokens.token("office"));
            if (ledgers == null || ledgers.isEmpty()) {
                if (System.nanoTime() - next.nanos() < GIVE_UP) {
                    conducted.add(next); // not opened yet (the pipeline lags, or a fault holds it): later
                    Cluster.sleep(100);
                } else {
                    ledgersNotFound.incrementAndGet();
                }
                continue;
            }
            work(ledgers.get(0));
        }
    }

    void stop() {
        running = false;
    }

    int ledgersWorked() {
        return ledgersWorked.get();
    }

    /** Interviews whose ledger did not appear within two minutes of the conduct's acknowledgement. */
    int ledgersNotFound() {
        return ledgersNotFound.get();
    }

    private void work(JsonNode ledger) {
        ledgersWorked.incrementAndGet();
        String ledgerId = ledger.get("ledgerId").asText();
        String taskId = ledger.get("tasks").get(0).get("taskId").asText();
        String unit = TestTokens.unitToken(
                ledger.get("unitId").asText(), ledger.get("jurisdictionId").asText());
        acks.observed(ledgerId, "RectificationOpened");
        String task = rectificationUrl.get() + "/api/ledgers/" + ledgerId + "/tasks/" + taskId;
        if (!post(ledgerId, "TaskPlanned", task + "/plan", """
                {"responsibleLeader": "分管副局长", "responsibleDepartment": "办公室", "deadline": "2019-05-31",
                 "measures": "对照清单逐项整改"}""", unit)) {
            return;
        }
        for (int report = 1; report <= 2; report++) {
            if (!post(ledgerId, "ProgressReported", task + "/progress", "{\"text\": \"进展" + report + "\"}", unit)) {
                return;
            }
        }
    }

    private boolean post(String ledgerId, String type, String url, String body, String token) {
        Answer answer = api.post(url, body, token);
        if (!answer.acknowledged()) {
            Cluster.sleep(200);
        }
        return acks.record(ledgerId, type, answer);
    }
}
