package se.hjalpmedelsnav.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * the registry, and opens no port but the hub's one acceptor.
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

    @ParameterizedTest
    @ValueSource(strings = {"broker.xml", "broker-primary.xml", "broker-backup.xml"})
    void opensOnlyTheHubsAcceptorForCoreAndAmqp(String file) throws Exception {
        String xml = Files.readString(BROKER.resolve(file));
        var acceptors = Pattern.compile("<acceptor name=\"([^\"]+)\">([^<]+)</acceptor>").matcher(xml).results().toList();

        assertThat(acceptors).hasSize(1);
        assertThat(acceptors.get(0).group(2)).contains("protocols=CORE,AMQP;").contains(":${nav.broker.port:61616}?");
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
