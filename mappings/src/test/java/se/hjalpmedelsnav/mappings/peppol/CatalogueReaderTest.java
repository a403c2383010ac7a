package se.hjalpmedelsnav.mappings.peppol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.hjalpmedelsnav.mappings.assortment.Catalogues.catalogue;
import static se.hjalpmedelsnav.mappings.assortment.Catalogues.line;
import static se.hjalpmedelsnav.mappings.assortment.Catalogues.validity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.assortment.Catalogue;

class CatalogueReaderTest {

    private final CatalogueReader reader = new CatalogueReader();

    static final String ADD_TWO = catalogue("CAT-2026-1", "Add",
            line("1", "Add", "HMN-10001", "Digital dagplanerare", true, null,
                    "ProductArea=KOGNITION", "ISO9999=22 27 15", "MedicalDevice=true"),
            line("2", "Add", "HMN-20001", "Samtalsapp", false, validity("2026-01-01", "2026-12-31"),
                    "ProductArea=KOMMUNIKATION", "MedicalDevice=false"));

    @ParameterizedTest
    @ValueSource(strings = {"Add", "Replace", "Update", "Delete"})
    void theTestCataloguesPassThePeppolCatalogueRules(String action) {
        assertThat(PeppolRules.CATALOGUE.getAsSingleID()).isEqualTo("eu.peppol.bis3:catalogue:2026.5");
        String xml = catalogue("CAT-2026-1", action, line("1", "Delete".equals(action) ? "Delete" : "Add",
                "HMN-10001", "Digital dagplanerare", true, validity("2026-01-01", null),
                "ProductArea=KOGNITION", "MedicalDevice=true"));

        assertThat(PeppolRules.findings(xml, PeppolRules.CATALOGUE)).isEmpty();
        assertThat(PeppolRules.findings(ADD_TWO, PeppolRules.CATALOGUE)).isEmpty();
    }

    @Test
    void readsTheHeaderActionAndEachLineWithItsProperties() {
        Catalogue read = reader.read(reader.parse(ADD_TWO.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.catalogueId()).isEqualTo("CAT-2026-1");
        assertThat(read.action()).isEqualTo(Catalogue.HeaderAction.ADD);
        assertThat(read.lines()).containsExactly(
                new Catalogue.Line("1", Catalogue.LineAction.ADD, "HMN-10001", "Digital dagplanerare", true,
                        "KOGNITION", "22 27 15", true, null, LocalDate.of(2026, 1, 1), null),
                new Catalogue.Line("2", Catalogue.LineAction.ADD, "HMN-20001", "Samtalsapp", false, "KOMMUNIKATION",
                        null, false, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void readsTheClassificationsTheRegistryMapsAndTheCataloguesValidityForALineWithoutItsOwn() {
        String xml = catalogue("CAT-2026-3", "Add", line("1", "Add", "HMN-10001", "P", true, null, "ISO9999=22 27 15"))
                .replace("</cac:SellersItemIdentification>", "</cac:SellersItemIdentification><cac:CommodityClassification>"
                        + "<cbc:ItemClassificationCode listID=\"MP\">44121701</cbc:ItemClassificationCode>"
                        + "</cac:CommodityClassification>");

        Catalogue.Line read = reader.read(reader.parse(xml.getBytes(StandardCharsets.UTF_8))).lines().get(0);

        assertThat(read.classifications()).containsExactly(new Catalogue.Code("ISO9999", "22 27 15"),
                new Catalogue.Code("MP", "44121701"));
        assertThat(read.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(read.validTo()).isNull();
    }

    @Test
    void takesReplaceWhenTheHeaderSaysNoAction() {
        String xml = catalogue("CAT-2026-2", null, line("1", null, "HMN-10001", "Planerare", null, null));

        Catalogue read = reader.read(reader.parse(xml.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.action()).isEqualTo(Catalogue.HeaderAction.REPLACE);
        assertThat(read.lines().get(0).action()).isNull();
        assertThat(read.lines().get(0).orderable()).isNull();
    }

    @Test
    void tellsACatalogueByItsHead() {
        assertThat(CatalogueReader.isCatalogue(ADD_TWO.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(CatalogueReader.isCatalogue("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void refusesXxeHugeAndWrongRootWithTheirCodes() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Catalogue [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Catalogue xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2\">&x;</Catalogue>";
        assertThatThrownBy(() -> reader.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CatalogueRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(CatalogueRefused.NOT_WELL_FORMED));
        assertThatThrownBy(() -> new CatalogueReader(1024).parse(ADD_TWO.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CatalogueRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(CatalogueRefused.FILE_TOO_LARGE));
        String order = "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>";
        assertThatThrownBy(() -> reader.parse(order.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(CatalogueRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(CatalogueRefused.NOT_A_CATALOGUE));
    }

    @Test
    void refusesAnUnknownActionAndABadMedicalDeviceFlagWithoutQuotingThem() {
        String badAction = catalogue("CAT-1", "Upsert", line("1", "Add", "HMN-10001", "P", true, null));
        String badFlag = catalogue("CAT-1", "Add", line("1", "Add", "HMN-10001", "P", true, null, "MedicalDevice=kanske"));

        assertThatThrownBy(() -> reader.read(reader.parse(badAction.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogueRefused.class).hasMessageStartingWith("ACTION_UNKNOWN")
                .hasMessageNotContaining("Upsert");
        assertThatThrownBy(() -> reader.read(reader.parse(badFlag.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CatalogueRefused.class).hasMessageStartingWith("PROPERTY_INVALID")
                .hasMessageNotContaining("kanske");
    }
}
