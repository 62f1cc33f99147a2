package io.sanjiaodi.interview.sources;

import static io.sanjiaodi.platform.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.SealedSource;
import io.sanjiaodi.platform.Refusal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Sealing and opening against a real (in-memory) MongoDB and a real key file. */
class SourceSealerTest {

    static final ConfidentialSource SOURCE = new ConfidentialSource("实名举报", "信访件 2018-117");
    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static MongoClient client;
    private static MongoTemplate mongo;

    @TempDir
    static Path dir;

    private static SourceSealer sealer;
    private static DataKeys keys;

    @BeforeAll
    static void start() {
        InetSocketAddress address = SERVER.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "source-sealer-test");
        keys = new DataKeys(mongo, new ServiceKey(new SourcesProperties(dir.resolve("keys/kek.key"))));
        sealer = new SourceSealer(keys);
    }

    @AfterAll
    static void stop() {
        client.close();
        SERVER.shutdownNow();
    }

    @Test
    void aSealedSourceOpensForItsOwnItemAndMatchesItsCommitment() {
        SealedSource sealed = sealer.seal("iv-open", "p1", SOURCE);

        assertThat(sealer.open("iv-open", "p1", sealed)).contains(SOURCE);
        assertThat(sealed.commitment()).matches("[0-9a-f]{64}");
        assertThat(Base64.getDecoder().decode(sealed.ciphertext()).length).isGreaterThan(12 + 16);
    }

    @Test
    void neitherTheSourceNorItsSaltIsVisibleInTheSealedForm() {
        SealedSource sealed = sealer.seal("iv-clear", "p1", SOURCE);
        String raw = new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.UTF_8);

        assertThat(sealed.toString()).doesNotContain("信访件", "实名举报");
        assertThat(raw).doesNotContain("信访件", "salt");
        assertThat(sealed.commitment()).isNotEqualTo(SourceCommitment.of("", SOURCE));
    }

    @Test
    void theSameSourceSealedTwiceGetsAnotherSaltAndSoAnotherCommitment() {
        SealedSource first = sealer.seal("iv-twice", "p1", SOURCE);
        SealedSource second = sealer.seal("iv-twice", "p1", SOURCE);

        assertThat(first.commitment()).isNotEqualTo(second.commitment());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void aCiphertextMovedToAnotherItemOrInterviewDoesNotOpen() {
        SealedSource sealed = sealer.seal("iv-move", "p1", SOURCE);
        sealer.seal("iv-other", "p1", SOURCE);

        assertThatThrownBy(() -> sealer.open("iv-move", "p2", sealed)).isInstanceOf(Aes.SealBroken.class);
        assertThatThrownBy(() -> sealer.open("iv-other", "p1", sealed)).isInstanceOf(Aes.SealBroken.class);
    }

    @Test
    void aCiphertextUnderAnotherCommitmentOrTamperedWithIsRefused() {
        SealedSource sealed = sealer.seal("iv-tamper", "p1", SOURCE);
        SealedSource otherCommitment = new SealedSource("00".repeat(32), sealed.ciphertext());
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SealedSource flipped =
                new SealedSource(sealed.commitment(), Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> sealer.open("iv-tamper", "p1", otherCommitment))
                .isInstanceOf(Aes.SealBroken.class)
                .hasMessageContaining("commitment");
        assertThatThrownBy(() -> sealer.open("iv-tamper", "p1", flipped)).isInstanceOf(Aes.SealBroken.class);
        assertThatThrownBy(() -> sealer.open("iv-tamper", "p1", new SealedSource(sealed.commitment(), "!!")))
                .isInstanceOf(Aes.SealBroken.class);
        assertThatThrownBy(() -> sealer.open("iv-tamper", "p1", new SealedSource(sealed.commitment(), "AAAA")))
                .isInstanceOf(Aes.SealBroken.class);
    }

    @Test
    void theCommitmentIsTheLengthPrefixedSha256OfTagSaltAndSource() {
        // python3: sha256(field("sanjiaodi-source-commitment/v1") + field(salt) + field(details) + field(reference))
        assertThat(SourceCommitment.of("A".repeat(43) + "=", SOURCE))
                .isEqualTo("a6c9e930b3347e6c99384361fa7600964d8e20aa7648b1648bde3313b17c4f6f");
    }

    @Test
    void noSourceIsNothingToSeal() {
        assertThat(sealer.seal("iv-none", "p1", null)).isNull();
        assertThat(mongo.findById("iv-none", DataKeys.DataKey.class)).isNull();
    }

    @Test
    void theDataKeyIsStoredOnlyWrapped() {
        sealer.seal("iv-wrapped", "p1", SOURCE);
        DataKeys.DataKey stored = mongo.findById("iv-wrapped", DataKeys.DataKey.class);

        assertThat(stored.wrappedKey()).isNotBlank();
        assertThat(Base64.getDecoder().decode(stored.wrappedKey())).hasSize(12 + 32 + 16);
        assertThat(stored.erasedAt()).isNull();
    }

    @Test
    void afterTheErasureNothingOpensAndNothingIsSealed() {
        SealedSource sealed = sealer.seal("iv-erased", "p1", SOURCE);
        keys.destroy("iv-erased", Instant.parse("2019-03-01T08:00:00Z"));

        assertThat(sealer.open("iv-erased", "p1", sealed)).isEmpty();
        assertThat(sealer.isErased("iv-erased")).isTrue();
        assertThat(mongo.findById("iv-erased", DataKeys.DataKey.class).wrappedKey())
                .isNull();
        assertThatThrownBy(() -> sealer.seal("iv-erased", "p2", SOURCE))
                .matches(e -> refused("SOURCES_ERASED", Refusal.Kind.CONFLICT).matches(e));
        keys.destroy("iv-erased", null);
        assertThat(sealer.isErased("iv-erased")).isTrue();
    }

    @Test
    void anInterviewWithoutAKeyOpensNothingAndIsNotErased() {
        assertThat(sealer.open("iv-never", "p1", new SealedSource("00", "AAAA")))
                .isEmpty();
        assertThat(sealer.isErased("iv-never")).isFalse();
    }

    @Test
    void manyFirstSealingsAtOnceAgreeOnOneKey() {
        Set<Object> opened = new HashSet<>();
        var sealedAll = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> sealer.seal("iv-race", "p" + i, SOURCE)))
                .toList();
        for (int i = 0; i < sealedAll.size(); i++) {
            opened.add(sealer.open("iv-race", "p" + i, sealedAll.get(i).join()).orElseThrow());
        }
        assertThat(opened).containsExactly(SOURCE);
    }

    @Test
    void theServiceKeyIsMadeOnceReadableByItsOwnerOnlyAndThenKept() throws Exception {
        Path file = dir.resolve("keys/kek.key");
        String first = Files.readString(file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Base64.getDecoder().decode(first.strip())).hasSize(32);
        new ServiceKey(new SourcesProperties(file));
        assertThat(Files.readString(file)).isEqualTo(first);
    }

    @Test
    void aKeyFileThatIsNotAnAesKeyStopsTheService() throws Exception {
        Path bad = dir.resolve("bad.key");
        Files.writeString(bad, Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> new ServiceKey(new SourcesProperties(bad)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("256-bit");
        assertThatThrownBy(() -> new SourcesProperties(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDataKeyCopiedToAnotherInterviewDoesNotUnwrap() {
        sealer.seal("iv-copy-from", "p1", SOURCE);
        DataKeys.DataKey from = mongo.findById("iv-copy-from", DataKeys.DataKey.class);
        mongo.save(new DataKeys.DataKey("iv-copy-to", from.wrappedKey(), null));

        assertThatThrownBy(() -> sealer.seal("iv-copy-to", "p1", SOURCE)).isInstanceOf(Aes.SealBroken.class);
    }
}
