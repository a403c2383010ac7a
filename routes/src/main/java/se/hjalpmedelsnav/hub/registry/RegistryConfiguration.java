package se.hjalpmedelsnav.hub.registry;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import se.hjalpmedelsnav.mappings.registry.InvalidRegistryException;
import se.hjalpmedelsnav.mappings.registry.RegistryLoader;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * The registry in force, read from {@code nav.registry.file} at start (a broken file stops the
 * start) and re-read whenever the file changes (a broken edit is refused and logged; the registry
 * in force stays).
 */
@Configuration
public class RegistryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryConfiguration.class);

    @Bean
    public RegistrySource registrySource(@Value("${nav.registry.file:config/registry.yaml}") String file)
            throws InvalidRegistryException {
        RegistrySource source = new RegistrySource(Path.of(file), new RegistryLoader());
        log.info("Registry loaded from {}: {} municipalities, {} private contractors, {} articles",
                Path.of(file).toAbsolutePath().normalize(), source.current().municipalities().size(),
                source.current().privateContractors().size(), source.current().assortment().size());
        return source;
    }

    @Bean
    public RegistryWatch registryWatch(RegistrySource registrySource) {
        return new RegistryWatch(registrySource);
    }

    /** Polls the file; cheap (a hash of a small file) and works on every file system, unlike inotify. */
    public static class RegistryWatch {

        private final RegistrySource source;

        RegistryWatch(RegistrySource source) {
            this.source = source;
        }

        @Scheduled(fixedDelayString = "${nav.registry.check-interval-ms:5000}")
        public void reloadIfChanged() {
            var result = source.reloadIfChanged();
            switch (result.outcome()) {
                case RELOADED -> log.info("Registry reloaded: {}", result.message());
                case REFUSED -> log.error("Registry change refused, the previous registry stays in force: {}",
                        result.message());
                default -> { }
            }
        }
    }
}
