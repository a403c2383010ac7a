package se.hjalpmedelsnav.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.connectors.peppol.PeppolValidation;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreement;
import se.hjalpmedelsnav.mappings.peppol.OrderAgreementReader;

/** The Order Agreement the simulated supplier drops for an order it took by phone: official rules, and what the hub reads. */
class SimulatorOrderAgreementTest {

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
