package io.sanjiaodi.interview.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import io.sanjiaodi.platform.security.Actor;
import io.sanjiaodi.platform.security.TestTokens;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What each reader gets of a problem's source. */
class ReadableProblemTest {

    static final ConfidentialSource SOURCE = new ConfidentialSource("实名举报", "信访件 2018-117");
    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static MongoClient client;
    private static SourceSealer sealer;
    private static DataKeys keys;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        InetSocketAddress address = SERVER.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        keys = new DataKeys(
                new MongoTemplate(client, "readable-problem-test"),
                new ServiceKey(new SourcesProperties(dir.resolve("kek.key"))));
        sealer = new SourceSealer(keys);
    }

    @AfterAll
    static void stop() {
        client.close();
        SERVER.shutdownNow();
    }

    static ProblemItem sealedIn(String interviewId) {
        SealedSource sealed = sealer.seal(interviewId, "p1", SOURCE);
        return new ProblemItem("p1", "工程建设", "招投标", SourceChannel.PETITION_REPORT, null, sealed);
    }

    static Actor actor(String user) {
        TestTokens.User u = TestTokens.user(user);
        return new Actor(u.id(), u.name(), u.role(), u.jurisdictionId(), u.unitId(), u.supervisedUnitIds());
    }

    @Test
    void theOfficeGetsTheSourceOpenedAndItsCommitment() {
        ProblemItem p = sealedIn("iv-office");
        ReadableProblem shown = ReadableProblem.of("iv-office", p, actor("office"), sealer);

        assertThat(shown.confidentialSource()).isEqualTo(SOURCE);
        assertThat(shown.sourceCommitment()).isEqualTo(p.sealedSource().commitment());
        assertThat(shown.sourceErased()).isNull();
        assertThat(shown.toString()).doesNotContain(p.sealedSource().ciphertext());
    }

    @Test
    void unitUsersSupervisingBodiesAndTheAdministratorGetTheCommitmentOnly() {
        ProblemItem p = sealedIn("iv-unit");
        ProblemItem legacy = new ProblemItem("p2", "财务", "超标", SourceChannel.PETITION_REPORT, SOURCE);
        for (String user : new String[] {"unit-leader", "unit-staff", "stationed", "admin"}) {
            ReadableProblem shown = ReadableProblem.of("iv-unit", p, actor(user), sealer);
            assertThat(shown.confidentialSource()).as(user).isNull();
            assertThat(shown.sourceErased()).as(user).isNull();
            assertThat(shown.sourceCommitment())
                    .as(user)
                    .isEqualTo(p.sealedSource().commitment());
            assertThat(shown.toString())
                    .as(user)
                    .doesNotContain("信访件", p.sealedSource().ciphertext());
            ReadableProblem old = ReadableProblem.of("iv-unit", legacy, actor(user), sealer);
            assertThat(old.toString()).as(user).doesNotContain("信访件");
        }
    }

    @Test
    void afterTheErasureTheOfficeLearnsTheSourceIsErased() {
        ProblemItem p = sealedIn("iv-gone");
        ProblemItem legacy = new ProblemItem("p2", "财务", "超标", SourceChannel.PETITION_REPORT, SOURCE);
        keys.destroy("iv-gone", Instant.now());

        ReadableProblem shown = ReadableProblem.of("iv-gone", p, actor("office"), sealer);
        ReadableProblem old = ReadableProblem.of("iv-gone", legacy, actor("auditor"), sealer);

        assertThat(shown.confidentialSource()).isNull();
        assertThat(shown.sourceErased()).isTrue();
        assertThat(shown.sourceCommitment()).isEqualTo(p.sealedSource().commitment());
        assertThat(old.confidentialSource()).isNull();
        assertThat(old.sourceErased()).isTrue();
    }

    @Test
    void aSourceInClearFromAnOldEventIsShownToTheCommissionAsBefore() {
        ProblemItem legacy = new ProblemItem("p2", "财务", "超标", SourceChannel.PETITION_REPORT, SOURCE);
        ProblemItem none = new ProblemItem("p3", "财务", "超标", SourceChannel.DAILY_SUPERVISION, null);

        ReadableProblem old = ReadableProblem.of("iv-legacy", legacy, actor("leader"), sealer);
        ReadableProblem unsourced = ReadableProblem.of("iv-legacy", none, actor("leader"), sealer);

        assertThat(old.confidentialSource()).isEqualTo(SOURCE);
        assertThat(old.sourceCommitment()).isNull();
        assertThat(old.sourceErased()).isNull();
        assertThat(unsourced.confidentialSource()).isNull();
        assertThat(unsourced.sourceErased()).isNull();
    }
}
