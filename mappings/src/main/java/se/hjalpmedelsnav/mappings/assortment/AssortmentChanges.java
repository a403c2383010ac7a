package se.hjalpmedelsnav.mappings.assortment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.Classification;

/**
 * Applies a supplier's catalogue to the assortment in force: all of it, or nothing. Pure: the caller stores the
 * outcome (in one transaction) or refuses the file with the refusals, each a stable code and the line's
 * {@code cbc:ID}, never a value of the file.
 *
 * <p>Header Add and Replace make the assortment exactly the catalogue's lines (articles left out are withdrawn;
 * a line may not say Delete); Update applies each line's action, matched on the seller's item id (Add a new article,
 * Update a known one, Delete withdraws one; a line without an action adds or updates); Delete withdraws everything.
 * An article's product area (the ordering roles hang on it) and medical-device flag come from the line's item
 * properties, else from the registry's mapping of the line's ISO 9999 code or commodity classification
 * ({@link Classification}), else from the article as it was; a new article without them is refused, as is a product
 * area the registry does not know.
 */
public final class AssortmentChanges {

    public static final String LINE_ACTION_NOT_ALLOWED = "LINE_ACTION_NOT_ALLOWED";
    public static final String ARTICLE_NUMBER_MISSING = "ARTICLE_NUMBER_MISSING";
    public static final String DUPLICATE_ARTICLE = "DUPLICATE_ARTICLE";
    public static final String ARTICLE_ALREADY_IN_ASSORTMENT = "ARTICLE_ALREADY_IN_ASSORTMENT";
    public static final String ARTICLE_NOT_IN_ASSORTMENT = "ARTICLE_NOT_IN_ASSORTMENT";
    public static final String PRODUCT_AREA_MISSING = "PRODUCT_AREA_MISSING";
    public static final String PRODUCT_AREA_UNKNOWN = "PRODUCT_AREA_UNKNOWN";
    public static final String MEDICAL_DEVICE_MISSING = "MEDICAL_DEVICE_MISSING";

    private AssortmentChanges() {
    }

    /** Why a catalogue is refused: a stable code, the line it concerns (its {@code cbc:ID}, null for the header). */
    public record Refusal(String code, String lineId, String message) {

        @Override
        public String toString() {
            return code + (lineId == null ? "" : " (line " + lineId + ")") + ": " + message;
        }
    }

    /**
     * What the catalogue does: the assortment after it and the report of the change, or, when refused, the
     * assortment as it was and every refusal.
     */
    public record Outcome(Map<String, AssortmentArticle> assortment, List<String> added, List<String> updated,
            List<String> withdrawn, List<Refusal> refusals) {

        public Outcome {
            assortment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assortment));
            added = List.copyOf(added);
            updated = List.copyOf(updated);
            withdrawn = List.copyOf(withdrawn);
            refusals = List.copyOf(refusals);
        }

        public boolean applied() {
            return refusals.isEmpty();
        }
    }

    /**
     * @param current      the assortment in force, by article number
     * @param productAreas the product areas the registry knows
     */
    public static Outcome apply(Map<String, AssortmentArticle> current, Catalogue catalogue,
            Collection<String> productAreas) {
        return apply(current, catalogue, productAreas, List.of());
    }

    /**
     * @param current         the assortment in force, by article number
     * @param productAreas    the product areas the registry knows
     * @param classifications the registry's mapping of classifications to product areas and the medical-device flag
     */
    public static Outcome apply(Map<String, AssortmentArticle> current, Catalogue catalogue,
            Collection<String> productAreas, List<Classification> classifications) {
        Map<String, AssortmentArticle> next = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean whole = catalogue.action() == Catalogue.HeaderAction.ADD
                || catalogue.action() == Catalogue.HeaderAction.REPLACE;
        if (catalogue.action() == Catalogue.HeaderAction.UPDATE) {
            next.putAll(current);
        }
        if (catalogue.action() != Catalogue.HeaderAction.DELETE) {
            for (Catalogue.Line line : catalogue.lines()) {
                String number = line.articleNumber();
                if (number == null || number.isBlank()) {
                    refusals.add(new Refusal(ARTICLE_NUMBER_MISSING, line.lineId(),
                            "the line has no seller's item id (Item/SellersItemIdentification/ID)"));
                    continue;
                }
                if (!seen.add(number)) {
                    refusals.add(new Refusal(DUPLICATE_ARTICLE, line.lineId(),
                            "the seller's item id is on an earlier line of the catalogue too"));
                    continue;
                }
                AssortmentArticle before = current.get(number);
                Catalogue.LineAction action = line.action();
                if (whole && action == Catalogue.LineAction.DELETE) {
                    refusals.add(new Refusal(LINE_ACTION_NOT_ALLOWED, line.lineId(), "a line of a catalogue that adds "
                            + "or replaces the whole assortment cannot delete; leave the article out instead"));
                    continue;
                }
                if (!whole && action == Catalogue.LineAction.ADD && before != null) {
                    refusals.add(new Refusal(ARTICLE_ALREADY_IN_ASSORTMENT, line.lineId(),
                            "the line adds an article the assortment has; update it instead"));
                    continue;
                }
                if (!whole && (action == Catalogue.LineAction.UPDATE || action == Catalogue.LineAction.DELETE)
                        && before == null) {
                    refusals.add(new Refusal(ARTICLE_NOT_IN_ASSORTMENT, line.lineId(),
                            "the line updates or deletes an article the assortment does not have"));
                    continue;
                }
                if (action == Catalogue.LineAction.DELETE) {
                    next.remove(number);
                    continue;
                }
                // In a whole catalogue an article keeps what the line does not say only if it was in force.
                article(line, before, productAreas, classifications, refusals)
                        .ifPresent(article -> next.put(number, article));
            }
        }
        if (!refusals.isEmpty()) {
            return new Outcome(current, List.of(), List.of(), List.of(), refusals);
        }
        List<String> added = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> withdrawn = new ArrayList<>();
        next.forEach((number, article) -> {
            AssortmentArticle before = current.get(number);
            if (before == null) {
                added.add(number);
            } else if (!before.equals(article)) {
                updated.add(number);
            }
        });
        current.keySet().stream().filter(number -> !next.containsKey(number)).forEach(withdrawn::add);
        return new Outcome(next, added, updated, withdrawn, List.of());
    }

    private static java.util.Optional<AssortmentArticle> article(Catalogue.Line line, AssortmentArticle before,
            Collection<String> productAreas, List<Classification> classifications, List<Refusal> refusals) {
        Article was = before == null ? null : before.article();
        // The line's own properties, else the registry's mapping of its classification, else the article as it was.
        Classification mapped = line.classifications().stream()
                .flatMap(code -> Classification.find(classifications, code.scheme(), code.code()).stream())
                .findFirst().orElse(null);
        String productArea = firstOf(firstOf(line.productArea(), mapped == null ? null : mapped.productArea()),
                was == null ? null : was.productArea());
        Boolean medicalDevice = line.medicalDevice() != null ? line.medicalDevice()
                : mapped != null ? mapped.medicalDevice() : was == null ? null : was.medicalDevice();
        int refusedBefore = refusals.size();
        if (productArea == null) {
            refusals.add(new Refusal(PRODUCT_AREA_MISSING, line.lineId(), "a new article needs its product area: "
                    + "the item property ProductArea, or a classification the registry maps"));
        } else if (!productAreas.contains(productArea)) {
            refusals.add(new Refusal(PRODUCT_AREA_UNKNOWN, line.lineId(),
                    "the item property ProductArea is not a product area of the hub's registry"));
        }
        if (medicalDevice == null) {
            refusals.add(new Refusal(MEDICAL_DEVICE_MISSING, line.lineId(), "a new article needs to say whether it "
                    + "is a medical device: the item property MedicalDevice, true or false, or a classification the registry maps"));
        }
        if (refusals.size() > refusedBefore) {
            return java.util.Optional.empty();
        }
        Article article = new Article(line.articleNumber(), firstOf(line.name(), was == null ? null : was.name()),
                productArea, firstOf(line.iso9999(), was == null ? null : was.iso9999()), medicalDevice,
                firstOf(line.manufacturer(), was == null ? null : was.manufacturer()));
        return java.util.Optional.of(new AssortmentArticle(article, !Boolean.FALSE.equals(line.orderable()),
                line.validFrom(), line.validTo()));
    }

    private static String firstOf(String given, String was) {
        return given != null && !given.isBlank() ? given : was;
    }
}
