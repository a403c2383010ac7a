package se.hjalpmedelsnav.hub.console;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the console plugin reads (ADMIN and VIEWER, like every GET of the admin API): the traffic overview, the
 * registry in force, and who is logged in with which roles (the plugin shows the replay buttons to admins only; the
 * replay itself is refused to anyone else by the security rules).
 */
@RestController
@RequestMapping("/api/admin")
public class ConsoleApi {

    private final TrafficOverview overview;
    private final RegistryView registry;
    private final MessageJourney journeys;

    public ConsoleApi(TrafficOverview overview, RegistryView registry, MessageJourney journeys) {
        this.overview = overview;
        this.registry = registry;
        this.journeys = journeys;
    }

    @GetMapping("/overview")
    public TrafficOverview.Overview overview() {
        return overview.now();
    }

    @GetMapping("/registry")
    public RegistryView.RegistryPage registry() {
        return registry.now();
    }

    /** One message's steps in the order they happened; 404 for a hub reference the hub does not keep. */
    @GetMapping("/messages/{hubReference}/journey")
    public MessageJourney.Journey journey(@PathVariable String hubReference) {
        return journeys.of(hubReference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such hub reference"));
    }

    @GetMapping("/console/me")
    public Me me(Authentication user) {
        List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).sorted()
                .toList();
        return new Me(user.getName(), roles, roles.contains("ADMIN"));
    }

    /** {@code admin}: may replay (and do anything else the admin API offers). */
    public record Me(String user, List<String> roles, boolean admin) {
    }
}
