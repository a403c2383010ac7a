package se.hjalpmedelsnav.simulator;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the supplier simulator behaves.
 *
 * @param clientId           the OAuth2 client the simulator's token endpoint accepts
 * @param tokenValidity      how long an issued access token is valid
 * @param withdrawnArticles  articles the simulated supplier no longer carries: orders for them get 422
 * @param unknownDevices     device ids the simulated supplier does not know: returns and fault reports naming one get 422
 * @param webhookUrl         the hub's events endpoint; without one no events are pushed
 * @param confirmDelay       time from accepting an order to pushing CONFIRMED (and a return or fault report to RECEIVED)
 * @param deliverDelay       time from CONFIRMED to pushing DELIVERED (and between the later steps of a return or fault report)
 * @param webhookAttempts    how often one event is pushed before the simulator gives up on it
 * @param webhookBackoff     wait before the second attempt, doubled for each further one
 * @param bodiesKept         how many of the latest orders are kept with their body; older ones keep their ids and
 *                           counts only, so that a demo running for weeks does not hold every order in memory
 */
@Validated
@ConfigurationProperties("nav.simulator")
public record SupplierSimulatorProperties(
        boolean enabled,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @DefaultValue("1h") Duration tokenValidity,
        @DefaultValue Set<String> withdrawnArticles,
        @DefaultValue Set<String> unknownDevices,
        URI webhookUrl,
        String webhookUsername,
        String webhookPassword,
        @DefaultValue("200ms") Duration confirmDelay,
        @DefaultValue("2s") Duration deliverDelay,
        @DefaultValue("5") int webhookAttempts,
        @DefaultValue("500ms") Duration webhookBackoff,
        @DefaultValue("1000") int bodiesKept) {

    public SupplierSimulatorProperties {
        withdrawnArticles = withdrawnArticles == null ? Set.of() : Set.copyOf(withdrawnArticles);
        unknownDevices = unknownDevices == null ? Set.of() : Set.copyOf(unknownDevices);
    }

    @Override
    public String toString() {
        return "SupplierSimulatorProperties[clientId=" + clientId + ", clientSecret=[redacted], webhookUrl="
                + webhookUrl + ", webhookUsername=" + webhookUsername + ", webhookPassword=[redacted], withdrawnArticles="
                + withdrawnArticles + ", unknownDevices=" + unknownDevices + ", confirmDelay=" + confirmDelay + ", deliverDelay=" + deliverDelay + "]";
    }
}
