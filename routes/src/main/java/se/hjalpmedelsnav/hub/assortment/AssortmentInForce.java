package se.hjalpmedelsnav.hub.assortment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.assortment.AssortmentArticle;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * Keeps the registry's assortment the one in force: once a catalogue has been applied (by this hub or another on the
 * same database), the articles orderable today (OrderableIndicator and line validity, Swedish date) replace the
 * registry file's seed for every rule and mapping; the rest are refused as ARTICLE_NOT_ORDERABLE. Checked at start,
 * after each catalogue this hub applies, and every {@code nav.assortment.refresh-interval-ms} (a version or a day
 * passing changes it).
 */
@Component
public class AssortmentInForce implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AssortmentInForce.class);

    private final AssortmentStore store;
    private final RegistrySource registry;
    private final Clock clock;
    private Optional<Long> loadedVersion = Optional.empty();
    private LocalDate loadedDay;

    public AssortmentInForce(AssortmentStore store, RegistrySource registry, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        refresh();
    }

    /** Puts the latest version's articles orderable today in force, if the version or the day changed. */
    @Scheduled(fixedDelayString = "${nav.assortment.refresh-interval-ms:5000}")
    public synchronized void refresh() {
        Optional<Long> version = store.latestVersion();
        LocalDate today = LocalDate.now(clock.withZone(RuleContext.SWEDISH_TIME));
        if (version.isEmpty() || (version.equals(loadedVersion) && today.equals(loadedDay))) {
            return;
        }
        List<Article> orderable = store.articles().values().stream()
                .filter(article -> article.orderableOn(today))
                .map(AssortmentArticle::article)
                .toList();
        registry.useAssortment(orderable);
        loadedVersion = version;
        loadedDay = today;
        log.info("Assortment version {} in force: {} articles orderable on {}", version.get(), orderable.size(), today);
    }
}
