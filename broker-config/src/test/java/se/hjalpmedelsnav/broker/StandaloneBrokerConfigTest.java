package se.hjalpmedelsnav.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;
import se.hjalpmedelsnav.broker.Queues;

/**
 * The standalone broker's configuration (docker/broker/ and what {@link StandaloneBrokerConfig} writes)
 * declares what the embedded broker creates by itself: every queue of the hub and of every municipality in
 * the registry, and opens no port but the hub's acceptor (and, in a pair, the pair's replication acceptor).
 */
class StandaloneBrokerConfigTest {

    private static final Path BROKER = Path.of("../docker/broker");

    @Test
    void declaresEveryQueueOfTheHubAndOfEveryMunicipalityInTheRegistry(@TempDir Path etc) throws Exception {
        List<Municipality> municipalities = new RegistryLoader().load(Path.of("../config/registry.yaml")).municipalities();
        Files.writeString(etc.resolve(StandaloneBrokerConfig.ADDRESSES_FILE),
                StandaloneBrokerConfig.addressesXml(municipalities.stream().map(Municipality::code).toList()));
        List<String> declared = declaredQueues(etc.resolve(StandaloneBrokerConfig.ADDRESSES_FILE));

        var expected = new ArrayList<String>();
        for (Field field : Queues.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                expected.add((String) field.get(null));
            }
        }
        for (Municipality municipality : municipalities) {
            expected.add(Queues.kommunIn(municipality.code()));
            expected.add(Queues.kommunOut(municipality.code()));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(declared).containsAll(Queues.deadLetterQueues());
    }

    @Test
    void theStandaloneBrokerOpensOnlyTheHubsAcceptorForCoreAndAmqp() throws Exception {
        String xml = Files.readString(BROKER.resolve("broker.xml"));
        Map<String, String> acceptors = acceptors(xml);

        assertThat(acceptors).containsOnlyKeys("clients");
        assertThat(acceptors.get("clients")).contains("protocols=CORE,AMQP;").contains(":${nav.broker.port:61616}?");
        assertDurable(xml);
    }

    /**
     * The pair: the clients' acceptor, and the pair's own replication acceptor, whose network threads no municipality's
     * AMQP acknowledgement can hold up (README "Broker fail-over"). Artemis 2.56 makes a replica connect through the
     * first cluster connection, so that one must announce the replication acceptor; the clients' acceptor is bound to
     * the cluster connection that announces the client ports.
     */
    @ParameterizedTest
    @ValueSource(strings = {"broker-primary.xml", "broker-backup.xml"})
    void thePairReplicatesOverItsOwnAcceptorAndDoesNotFailBack(String file) throws Exception {
        String xml = Files.readString(BROKER.resolve(file));
        Map<String, String> acceptors = acceptors(xml);

        assertThat(acceptors).containsOnlyKeys("clients", "replication");
        assertThat(acceptors.get("clients")).contains("protocols=CORE,AMQP;").contains(":${nav.broker.port:61616}?")
                .endsWith("clusterConnection=hub-pair").doesNotContain("remotingThreads");
        assertThat(acceptors.get("replication")).contains(":${nav.broker.replication-port:61617}?")
                .contains("clusterConnection=hub-pair-replication");
        assertThat(amqpSettings(acceptors.get("replication"))).isEqualTo(amqpSettings(acceptors.get("clients")));

        List<String> clusterConnections = Pattern.compile("<cluster-connection name=\"([^\"]+)\">").matcher(xml).results()
                .map(m -> m.group(1)).toList();
        assertThat(clusterConnections).containsExactly("hub-pair-replication", "hub-pair");
        assertThat(xml).containsPattern("<cluster-connection name=\"hub-pair-replication\">\\s*<connector-ref>self-replication<")
                .containsPattern("<cluster-connection name=\"hub-pair\">\\s*<connector-ref>self<")
                .contains("<connector name=\"self-replication\">tcp://${nav.broker.advertised-host}:${nav.broker.replication-port:61617}<")
                .contains("<connector name=\"peer-replication\">tcp://${nav.broker.peer-host}:${nav.broker.peer-replication-port:61617}<");
        if (file.equals("broker-primary.xml")) {
            assertThat(xml).contains("<check-for-active-server>true</check-for-active-server>");
        } else {
            assertThat(xml).contains("<allow-failback>false</allow-failback>");
        }
        assertDurable(xml);
    }

    private static Map<String, String> acceptors(String xml) {
        var acceptors = new LinkedHashMap<String, String>();
        Pattern.compile("<acceptor name=\"([^\"]+)\">([^<]+)</acceptor>").matcher(xml).results()
                .forEach(m -> acceptors.put(m.group(1), m.group(2)));
        return acceptors;
    }

    /** An acceptor's AMQP parameters (amqp…=…), in order. */
    private static List<String> amqpSettings(String acceptor) {
        return Pattern.compile("amqp\\w+=[^;]+").matcher(acceptor).results().map(m -> m.group()).toList();
    }

    private static void assertDurable(String xml) {
        assertThat(xml).contains("<persistence-enabled>true</persistence-enabled>")
                .contains("<persist-id-cache>true</persist-id-cache>")
                .contains("hub-address-settings.xml").contains("hub-addresses.xml");
    }

    @Test
    void everyStageQueueParksOnADeadLetterQueueTheBrokerDeclares() {
        for (String queue : Queues.hubQueues()) {
            if (queue.startsWith("nav.internal.")) {
                assertThat(Queues.hubQueues()).contains(Queues.deadLetterQueueOf(queue));
            }
        }
        assertThat(Queues.deadLetterQueueOf(Queues.kommunIn("1480"))).isEqualTo(Queues.DLQ_KOMMUN_INTAKE);
        assertThat(Queues.onlyOriginOf(Queues.DLQ_SUPPLIER_EVENTS)).contains(Queues.SUPPLIER_EVENTS);
        assertThat(Queues.onlyOriginOf(Queues.DLQ_KOMMUN_INTAKE)).isEmpty();
    }

    private static List<String> declaredQueues(Path addresses) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList queues = factory.newDocumentBuilder().parse(addresses.toFile())
                .getElementsByTagName("queue");
        var names = new ArrayList<String>();
        for (int i = 0; i < queues.getLength(); i++) {
            names.add(queues.item(i).getAttributes().getNamedItem("name").getNodeValue());
        }
        return names;
    }
}
