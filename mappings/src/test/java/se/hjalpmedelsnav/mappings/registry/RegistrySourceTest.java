package se.hjalpmedelsnav.mappings.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.hjalpmedelsnav.mappings.registry.RegistrySource.ReloadResult.Outcome;

class RegistrySourceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private String valid;

    @BeforeEach
    void writeValidRegistry() throws Exception {
        valid = RegistryLoaderTest.yaml("minimal.yaml");
        file = dir.resolve("registry.yaml");
        Files.writeString(file, valid);
    }

    @Test
    void theAssortmentInForceReplacesTheSeedAndSurvivesAReloadOfTheFile() throws Exception {
        RegistrySource source = source();
        Article fromCatalogue = new Article("CAT-1", "Ur katalogen", "KOGNITION", null, false, null);

        source.useAssortment(java.util.List.of(fromCatalogue));
        Files.writeString(file, valid.replace("unit: Hemtjänst\n        payerNumbers: [BN-1481-01]",
                "unit: Hemtjänst Norr\n        payerNumbers: [BN-1481-01]"));
        source.reloadIfChanged();

        assertThat(source.current().assortment()).containsExactly(fromCatalogue);
        assertThat(source.current().customerNumber("1481", "KN-1481-001").orElseThrow().unit())
                .isEqualTo("Hemtjänst Norr");
        assertThat(source.fromFile().assortment()).doesNotContain(fromCatalogue);
    }

    @Test
    void loadsTheFileWhenCreated() throws Exception {
        RegistrySource source = source();

        assertThat(source.current().municipality("1480")).isPresent();
    }

    @Test
    void refusesToStartOnABrokenFile() throws Exception {
        Files.writeString(file, valid.replace("agreementParty: true", "agreementParty: maybe"));

        assertThatThrownBy(this::source).isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 5");
    }

    @Test
    void reloadPicksUpAnEditedFile() throws Exception {
        RegistrySource source = source();
        Files.writeString(file, valid.replace("unit: Hemtjänst\n        payerNumbers: [BN-1481-01]",
                "unit: Hemtjänst Norr\n        payerNumbers: [BN-1481-01]"));

        RegistrySource.ReloadResult result = source.reloadIfChanged();

        assertThat(result.outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(result.at()).isEqualTo(NOW);
        assertThat(source.current().customerNumber("1481", "KN-1481-001").orElseThrow().unit())
                .isEqualTo("Hemtjänst Norr");
    }

    @Test
    void remembersTheLastLoadOrRefusalButNotAnUnchangedPoll() throws Exception {
        RegistrySource source = source();
        assertThat(source.lastChange().outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(source.lastChange().message()).startsWith("loaded at start");

        Files.writeString(file, valid.replace("agreementParty: true", "agreementParty: maybe"));
        RegistrySource.ReloadResult refused = source.reloadIfChanged();
        source.reloadIfChanged();

        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(source.lastChange()).isEqualTo(refused);

        Files.writeString(file, valid);
        RegistrySource.ReloadResult reloaded = source.reloadIfChanged();
        source.reloadIfChanged();

        assertThat(source.lastChange()).isEqualTo(reloaded);
        assertThat(reloaded.outcome()).isEqualTo(Outcome.RELOADED);
    }

    @Test
    void unchangedFileIsNotReloaded() throws Exception {
        RegistrySource source = source();
        Registry before = source.current();

        RegistrySource.ReloadResult result = source.reloadIfChanged();

        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(source.current()).isSameAs(before);
    }

    @Test
    void brokenEditIsRefusedAndThePreviousRegistryStaysInForce() throws Exception {
        RegistrySource source = source();
        Registry before = source.current();
        Files.writeString(file, valid.replace("productArea: LARM", "productArea: KOGNITION"));

        RegistrySource.ReloadResult result = source.reloadIfChanged();

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains(file.toString(), "line 39", "productArea");
        assertThat(source.current()).isSameAs(before);
    }

    @Test
    void brokenFileIsRefusedOnceThenUnchangedUntilItIsFixed() throws Exception {
        RegistrySource source = source();
        Files.writeString(file, valid.replace("code: \"1481\"", "code: \"1399\""));

        assertThat(source.reloadIfChanged().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(source.reloadIfChanged().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(source.reload().outcome()).isEqualTo(Outcome.REFUSED);

        Files.writeString(file, valid.replace("code: \"1481\"", "code: \"1482\"").replace("1481-", "1482-"));
        assertThat(source.reloadIfChanged().outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(source.current().municipality("1482")).isPresent();
    }

    @Test
    void forcedReloadReadsAnUnchangedFile() throws Exception {
        RegistrySource source = source();
        Registry before = source.current();

        RegistrySource.ReloadResult result = source.reload();

        assertThat(result.outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(source.current()).isNotSameAs(before);
    }

    @Test
    void missingFileIsRefusedAndThePreviousRegistryStaysInForce() throws Exception {
        RegistrySource source = source();
        Registry before = source.current();
        Files.delete(file);

        RegistrySource.ReloadResult result = source.reloadIfChanged();

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(source.current()).isSameAs(before);
    }

    @Test
    void listenersHearOfSuccessfulReloadsOnly() throws Exception {
        RegistrySource source = source();
        List<Registry> heard = new ArrayList<>();
        source.addListener(heard::add);

        source.reloadIfChanged();
        Files.writeString(file, valid.replace("payerNumbers: [BN-1481-01]", "payerNumbers: []"));
        source.reloadIfChanged();
        assertThat(heard).as("no reload yet").isEmpty();

        Files.writeString(file, valid.replace("[BN-1481-01]", "[BN-1481-01, BN-1481-02]"));
        source.reloadIfChanged();

        assertThat(heard).singleElement().isSameAs(source.current());
    }

    @Test
    void aFailingListenerDoesNotStopTheReloadNorTheOtherListeners() throws Exception {
        RegistrySource source = source();
        List<Registry> heard = new ArrayList<>();
        source.addListener(registry -> {
            throw new IllegalStateException("listener broke");
        });
        source.addListener(heard::add);

        RegistrySource.ReloadResult result = source.reload();

        assertThat(result.outcome()).isEqualTo(Outcome.RELOADED);
        assertThat(heard).singleElement().isSameAs(source.current());
    }

    private RegistrySource source() throws InvalidRegistryException {
        return new RegistrySource(file, new RegistryLoader(), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
