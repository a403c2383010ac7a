package se.hjalpmedelsnav.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.connectors.peppol.PeppolValidation;
import se.hjalpmedelsnav.mappings.assortment.Catalogue;
import se.hjalpmedelsnav.mappings.peppol.CatalogueReader;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreement;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreementReader;

/** The Peppol documents the simulated supplier drops unasked (an Order Agreement, its catalogue): official rules, and what the hub reads. */
class SimulatorPeppolDocumentsTest {

    @Test
    void writesAnOrderAgreementThatPassesThePeppolRulesAndCarriesTheNumbers() {
        String xml = SimulatorPeppolAnswers.orderAgreement("7d1c9a2e-4b6f-4e0a-9c3d-2f5b8a1e6d40", "SO-P0000001",
                "KN-1480-001", "BN-1480-01", List.of(new SimulatorPeppolAnswers.AgreedLine("HMN-10001", 2)));
        byte[] file = xml.getBytes(StandardCharsets.UTF_8);
        OrderAgreementReader reader = new OrderAgreementReader();

        assertThat(OrderAgreementReader.isOrderAgreement(file)).isTrue();
        assertThat(new PeppolValidation().breaches(reader.parse(file), PeppolValidation.ORDER_AGREEMENT)).isEmpty();
        OrderAgreement read = reader.read(reader.parse(file));
        assertThat(read.agreementId()).isEqualTo("7d1c9a2e-4b6f-4e0a-9c3d-2f5b8a1e6d40");
        assertThat(read.supplierOrderId()).isEqualTo("SO-P0000001");
        assertThat(read.customerNumber()).isEqualTo("KN-1480-001");
        assertThat(read.payerNumber()).isEqualTo("BN-1480-01");
        assertThat(read.lines()).containsExactly(new OrderAgreement.Line("HMN-10001", new BigDecimal("2")));
    }

    @Test
    void publishesItsAssortmentAsACatalogueThatPassesThePeppolRulesAndTheHubReads() {
        String xml = SimulatorPeppolAnswers.catalogue("CAT-1", "Update", "Add", List.of(
                new SimulatorPeppolAnswers.CatalogueArticle("HMN-90001", "Ny planerare", "KOGNITION", true, "22 27 15",
                        true)));
        byte[] file = xml.getBytes(StandardCharsets.UTF_8);
        CatalogueReader reader = new CatalogueReader();

        assertThat(CatalogueReader.isCatalogue(file)).isTrue();
        assertThat(new PeppolValidation().breaches(reader.parse(file), PeppolValidation.CATALOGUE)).isEmpty();
        Catalogue read = reader.read(reader.parse(file));
        assertThat(read.action()).isEqualTo(Catalogue.HeaderAction.UPDATE);
        assertThat(read.lines()).containsExactly(new Catalogue.Line("1", Catalogue.LineAction.ADD, "HMN-90001",
                "Ny planerare", true, "KOGNITION", "22 27 15", true, null, read.issueDate(), null));
        // The catalogue's validity, from the day it is issued, is its lines'.
        assertThat(read.issueDate()).isEqualTo(java.time.LocalDate.now(SimulatedSupplier.SWEDEN));
    }

    @Test
    void thePeppolRulesFindABrokenAgreementNamingRulesNotValues() {
        String xml = SimulatorPeppolAnswers.orderAgreement("7d1c9a2e-4b6f-4e0a-9c3d-2f5b8a1e6d40", "SO-P0000002",
                "KN-1480-001", "BN-1480-01", List.of(new SimulatorPeppolAnswers.AgreedLine("HMN-10001", 1)))
                .replace(">SEK<", ">XQZ<");
        OrderAgreementReader reader = new OrderAgreementReader();

        List<String> breaches = new PeppolValidation().breaches(reader.parse(xml.getBytes(StandardCharsets.UTF_8)),
                PeppolValidation.ORDER_AGREEMENT);

        assertThat(breaches).isNotEmpty().noneMatch(breach -> breach.contains("XQZ"));
    }
}
