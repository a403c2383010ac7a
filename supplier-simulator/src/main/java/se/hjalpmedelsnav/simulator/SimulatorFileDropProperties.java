package se.hjalpmedelsnav.simulator;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated supplier's side of the file drop: a folder on this machine (in the SFTP tests the
 * SSH server serves the same folder to the hub).
 *
 * @param enabled      whether the simulator serves the file drop as well as the API
 * @param directory    the file drop's root, as the hub's {@code nav.filedrop.directory}
 * @param outbox       where the hub writes orders, returns and fault reports (the hub's outbox)
 * @param inbox        where the supplier writes its answers (the hub's inbox)
 * @param taken        where the supplier moves the files it has picked up
 * @param pollInterval time between two looks into the outbox
 * @param assortment   a registry file whose assortment the simulated supplier sells: published at start as a whole
 *                     Peppol catalogue (Replace) in the inbox, as the supplier's system does; none, nothing published
 */
@ConfigurationProperties("nav.simulator.file-drop")
public record SimulatorFileDropProperties(
        boolean enabled,
        @DefaultValue("./data/filedrop") Path directory,
        @DefaultValue("outbox") String outbox,
        @DefaultValue("inbox") String inbox,
        @DefaultValue("supplier-taken") String taken,
        @DefaultValue("200ms") Duration pollInterval,
        Path assortment) {
}
