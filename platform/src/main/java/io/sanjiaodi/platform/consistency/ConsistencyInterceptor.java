package io.sanjiaodi.platform.consistency;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.consistency.ConsistencyToken.Position;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Makes a query that carries a {@link ConsistencyToken} wait until the service's read models have
 * handled the events it names, so a client always sees its own writes: at most {@code wait}, then
 * 503 {@code READ_MODEL_BEHIND} (nothing was read; ask again). A token that names an event this
 * service never stored is refused ({@code CONSISTENCY_TOKEN_UNKNOWN}): it belongs to another
 * service, or was made up. Queries without a token are answered at once, as before.
 */
final class ConsistencyInterceptor implements HandlerInterceptor {

    private final ReadModelPositions positions;
    private final Duration wait;
    private final Duration poll;

    ConsistencyInterceptor(ReadModelPositions positions, Duration wait, Duration poll) {
        this.positions = positions;
        this.wait = wait;
        this.poll = poll;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        String text = request.getHeader(ConsistencyToken.HEADER);
        if (text == null) {
            text = request.getParameter(ConsistencyToken.PARAMETER);
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        List<ReadModelPositions.Stored> targets = new ArrayList<>();
        for (Position position : ConsistencyToken.parse(text).positions()) {
            targets.add(positions
                    .find(position)
                    .orElseThrow(() -> Refusal.unprocessable(
                            "CONSISTENCY_TOKEN_UNKNOWN",
                            "this service stored no event " + position.sequence() + " of " + position.aggregateId())));
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (!targets.stream().allMatch(positions::handled)) {
            if (System.nanoTime() > deadline) {
                throw Refusal.unavailable(
                        "READ_MODEL_BEHIND",
                        "the read models have not caught up with the consistency token within " + wait.toMillis()
                                + " ms; nothing was read, ask again");
            }
            Thread.sleep(poll.toMillis());
        }
        return true;
    }
}
