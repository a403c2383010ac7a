package se.hjalpmedelsnav.broker.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the standalone broker's files (docker/broker/) load from this module's jar is here, under those names. */
class StandaloneBrokerPluginsTest {

    private static final Pattern PLUGIN = Pattern.compile("<broker-plugin class-name=\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {"broker.xml", "broker-primary.xml", "broker-backup.xml"})
    void everyBrokerFileLoadsBothPluginsOfThisModule(String file) throws Exception {
        String xml = Files.readString(Path.of("../docker/broker").resolve(file));

        var named = PLUGIN.matcher(xml).results().map(plugin -> plugin.group(1)).toList();

        assertThat(named).containsExactlyInAnyOrder(UnreadableAmqpMessageGuard.class.getName(),
                MessageSizeLimit.class.getName());
    }
}
