package se.hjalpmedelsnav.hub.assortment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import se.hjalpmedelsnav.mappings.assortment.AssortmentArticle;
import se.hjalpmedelsnav.mappings.assortment.AssortmentChanges;
import se.hjalpmedelsnav.mappings.assortment.Catalogue;
import se.hjalpmedelsnav.mappings.peppol.CatalogueRefused;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.Classification;

/**
 * The assortment in force and its history in the database (Flyway V10), shared by every hub on it: each catalogue
 * applied is a version (which file, which catalogue, when, how many articles added, updated, withdrawn), the articles
 * in force after the latest, and what each version changed. A catalogue is applied in one transaction, all or
 * nothing; the same file (by its digest) is applied once, whichever hub reads it.
 */
@Repository
public class AssortmentStore {

    /** At most this many refusals are written into a refused catalogue's reason. */
    static final int MOST_REFUSALS_NAMED = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate oneTransaction;

    public AssortmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.oneTransaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    /** One catalogue applied: its version and the report of what it changed. */
    public record Version(long version, String catalogueId, String headerAction, String fileName,
            OffsetDateTime appliedAt, int added, int updated, int withdrawn) {
    }

    /** The latest version applied, or empty while the registry file's seed is in force. */
    public Optional<Long> latestVersion() {
        return Optional.ofNullable(jdbc.queryForObject("select max(version) from assortment_version", Long.class));
    }

    /** The articles in force after the latest version, by article number. */
    public Map<String, AssortmentArticle> articles() {
        Map<String, AssortmentArticle> articles = new LinkedHashMap<>();
        jdbc.query("select * from assortment_article order by article_number", (ResultSet rs) -> {
            Article article = new Article(rs.getString("article_number"), rs.getString("name"),
                    rs.getString("product_area"), rs.getString("iso9999"), rs.getBoolean("medical_device"),
                    rs.getString("manufacturer"));
            articles.put(article.articleNumber(), new AssortmentArticle(article, rs.getBoolean("orderable"),
                    date(rs, "valid_from"), date(rs, "valid_to")));
        });
        return articles;
    }

    /** The latest versions first: the admins' report. */
    public List<Version> versions(int limit) {
        return jdbc.query("select * from assortment_version order by version desc limit " + Math.max(1, Math.min(limit,
                500)), AssortmentStore::version);
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        return new Version(rs.getLong("version"), rs.getString("catalogue_id"), rs.getString("header_action"),
                rs.getString("file_name"), rs.getTimestamp("applied_at").toInstant().atOffset(ZoneOffset.UTC),
                rs.getInt("added"), rs.getInt("updated"), rs.getInt("withdrawn"));
    }

    /** One version, if it was applied. */
    public Optional<Version> version(long version) {
        return jdbc.query("select * from assortment_version where version = ?", AssortmentStore::version, version)
                .stream().findFirst();
    }

    /** The article numbers a version added, updated or withdrew, by change. */
    public Map<String, List<String>> changes(long version) {
        return jdbc.query("select change, article_number from assortment_change where version = ? order by "
                + "article_number", (rs, n) -> Map.entry(rs.getString("change"), rs.getString("article_number")), version)
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /**
     * Applies a catalogue to the assortment in force (the seed before the first catalogue) in one transaction and
     * answers the new version, or empty when this very file was applied before. A catalogue the changes refuse is
     * refused whole with a {@link CatalogueRefused}, and nothing is written.
     *
     * @param seed         the registry file's assortment, in force until the first catalogue
     * @param productAreas the product areas the registry knows
     */
    public Optional<Version> apply(Catalogue catalogue, String fileName, String fileDigest,
            Map<String, AssortmentArticle> seed, Collection<String> productAreas, OffsetDateTime at) {
        return apply(catalogue, fileName, fileDigest, seed, productAreas, List.of(), at);
    }

    /**
     * As {@link #apply(Catalogue, String, String, Map, Collection, OffsetDateTime)}, with the registry's mapping of
     * classifications to product areas and the medical-device flag for lines that do not carry them.
     */
    public Optional<Version> apply(Catalogue catalogue, String fileName, String fileDigest,
            Map<String, AssortmentArticle> seed, Collection<String> productAreas, List<Classification> classifications,
            OffsetDateTime at) {
        return oneTransaction.execute(tx -> {
            // Another hub applying another catalogue waits here until that one has committed.
            jdbc.queryForList("select name from assortment_lock where name = 'apply' for update", String.class);
            Integer seen = jdbc.queryForObject("select count(*) from assortment_version where file_digest = ?",
                    Integer.class, fileDigest);
            if (seen != null && seen > 0) {
                return Optional.<Version>empty();
            }
            Optional<Long> latest = latestVersion();
            Map<String, AssortmentArticle> current = latest.isPresent() ? articles() : seed;
            AssortmentChanges.Outcome outcome = AssortmentChanges.apply(current, catalogue, productAreas,
                    classifications);
            if (!outcome.applied()) {
                List<AssortmentChanges.Refusal> refusals = outcome.refusals();
                String reasons = refusals.stream().limit(MOST_REFUSALS_NAMED).map(Object::toString)
                        .collect(Collectors.joining("; "))
                        + (refusals.size() > MOST_REFUSALS_NAMED ? "; and " + (refusals.size() - MOST_REFUSALS_NAMED)
                                + " more" : "");
                throw new CatalogueRefused(refusals.get(0).code(), "the catalogue cannot be applied to the "
                        + "assortment in force, which stays as it was: " + reasons);
            }
            long version = latest.orElse(0L) + 1;
            Version applied = new Version(version, catalogue.catalogueId(), catalogue.action().name(), fileName, at,
                    outcome.added().size(), outcome.updated().size(), outcome.withdrawn().size());
            jdbc.update("insert into assortment_version (version, catalogue_id, header_action, file_name, file_digest,"
                    + " applied_at, added, updated, withdrawn) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", version,
                    catalogue.catalogueId(), catalogue.action().name(), fileName, fileDigest,
                    Timestamp.from(at.toInstant()), applied.added(), applied.updated(), applied.withdrawn());
            jdbc.update("delete from assortment_article");
            List<Object[]> rows = new ArrayList<>();
            outcome.assortment().values().forEach(a -> rows.add(new Object[] {a.article().articleNumber(),
                    a.article().name(), a.article().productArea(), a.article().iso9999(), a.article().medicalDevice(),
                    a.article().manufacturer(), a.orderable(), sqlDate(a.validFrom()), sqlDate(a.validTo()), version}));
            jdbc.batchUpdate("insert into assortment_article (article_number, name, product_area, iso9999, "
                    + "medical_device, manufacturer, orderable, valid_from, valid_to, version) values "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            List<Object[]> changes = new ArrayList<>();
            outcome.added().forEach(n -> changes.add(new Object[] {version, n, "ADDED"}));
            outcome.updated().forEach(n -> changes.add(new Object[] {version, n, "UPDATED"}));
            outcome.withdrawn().forEach(n -> changes.add(new Object[] {version, n, "WITHDRAWN"}));
            jdbc.batchUpdate("insert into assortment_change (version, article_number, change) values (?, ?, ?)",
                    changes);
            return Optional.of(applied);
        });
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
