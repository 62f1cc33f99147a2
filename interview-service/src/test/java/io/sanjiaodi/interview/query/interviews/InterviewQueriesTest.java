package io.sanjiaodi.interview.query.interviews;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.interview.query.interviews.InterviewQueries.Filter;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Lists are cut to the reader's scope by the store, before paging: a supervising body or a
 * district office paging through the city's interviews gets full pages of its own.
 */
class InterviewQueriesTest {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static MongoClient client;
    private static InterviewQueries queries;

    @BeforeAll
    static void interleavedInterviewsOfManyUnits() {
        InetSocketAddress address = SERVER.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "interview-queries-test");
        String[][] units = {
            {"nb-transport", "ningbo"},
            {"nb-coop", "ningbo"},
            {"fh-school", "fenghua"},
            {"nb-port-shipping", "ningbo"},
            {"yy-hospital", "yuyao"}
        };
        for (int i = 0; i < 50; i++) {
            InterviewView view = new InterviewView();
            view.interviewId = "iv-%03d".formatted(i);
            view.unitId = units[i % units.length][0];
            view.jurisdictionId = units[i % units.length][1];
            view.year = 2026;
            view.status = "SCHEDULED";
            view.plannedDate = LocalDate.of(2026, 1, 1).plusDays(i);
            mongo.insert(view);
        }
        queries = new InterviewQueries(mongo);
    }

    @AfterAll
    static void stop() {
        client.close();
        SERVER.shutdownNow();
    }

    @Test
    void aSupervisingBodyGetsFullPagesOfTheUnitsItSupervises() {
        List<InterviewView> pages = allPages(actor("stationed"), 3);
        assertThat(pages).hasSize(20).allSatisfy(v -> assertThat(v.unitId).isIn("nb-transport", "nb-port-shipping"));
        assertThat(queries.find(filter(null), actor("stationed").scope(), 0, 3)).hasSize(3);
    }

    @Test
    void aDistrictOfficeSeesOnlyItsDistrictAndTheCityOfficeEverything() {
        assertThat(allPages(actor("office-fenghua"), 4))
                .hasSize(10)
                .allSatisfy(v -> assertThat(v.unitId).isEqualTo("fh-school"));
        assertThat(allPages(actor("office"), 7)).hasSize(50);
    }

    @Test
    void aUnitUserAskingForAnotherUnitGetsNothingAndForItsOwnItsOwn() {
        Actor.Scope unit = actor("unit-leader").scope();
        assertThat(queries.find(filter("nb-coop"), unit, 0, 20)).isEmpty();
        assertThat(queries.find(filter("nb-transport"), unit, 0, 20))
                .hasSize(10)
                .extracting(v -> v.interviewId)
                .startsWith("iv-045", "iv-040");
    }

    private static List<InterviewView> allPages(Actor actor, int size) {
        List<InterviewView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<InterviewView> one = queries.find(filter(null), actor.scope(), page, size);
            all.addAll(one);
            if (one.size() < size) {
                return all;
            }
            assertThat(one).hasSize(size);
        }
    }

    private static Filter filter(String unitId) {
        return new Filter(null, 2026, null, null, unitId);
    }

    private static Actor actor(String userId) {
        TestTokens.User u = TestTokens.user(userId);
        return new Actor(u.id(), u.name(), u.role(), u.jurisdictionId(), u.unitId(), u.supervisedUnitIds());
    }
}
