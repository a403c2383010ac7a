package se.hjalpmedelsnav.mappings.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may order what on which numbers: municipalities, their customer and payer numbers, private
 * contractors, product areas and the assortment. Immutable; held in memory and swapped whole on
 * reload, so lookups on the message path never touch a file or a database.
 */
public final class Registry {

    private final Map<String, Municipality> municipalities;
    private final Map<String, PrivateContractor> privateContractors;
    private final Map<String, ProductArea> productAreas;
    private final Map<String, Article> assortment;
    private final List<Classification> classifications;

    public Registry(List<Municipality> municipalities, List<PrivateContractor> privateContractors,
            List<ProductArea> productAreas, List<Article> assortment) {
        this(municipalities, privateContractors, productAreas, assortment, List.of());
    }

    public Registry(List<Municipality> municipalities, List<PrivateContractor> privateContractors,
            List<ProductArea> productAreas, List<Article> assortment, List<Classification> classifications) {
        this.classifications = classifications == null ? List.of() : List.copyOf(classifications);
        this.municipalities = index(municipalities, Municipality::code);
        this.privateContractors = index(privateContractors, PrivateContractor::orgNumber);
        this.productAreas = index(productAreas, ProductArea::code);
        this.assortment = index(assortment, Article::articleNumber);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return (items == null ? List.<T>of() : items).stream()
                .collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The same registry with another assortment: the one in force from the supplier's catalogue. */
    public Registry withAssortment(List<Article> inForce) {
        return new Registry(municipalities(), privateContractors(), productAreas(), inForce, classifications);
    }

    public List<Municipality> municipalities() {
        return List.copyOf(municipalities.values());
    }

    public List<PrivateContractor> privateContractors() {
        return List.copyOf(privateContractors.values());
    }

    public List<ProductArea> productAreas() {
        return List.copyOf(productAreas.values());
    }

    public List<Article> assortment() {
        return List.copyOf(assortment.values());
    }

    /** The mapping from classifications to product areas and the medical-device flag. */
    public List<Classification> classifications() {
        return classifications;
    }

    /** The mapping entry for that code of that scheme: the longest prefix that covers it. */
    public Optional<Classification> classification(String scheme, String code) {
        return Classification.find(classifications, scheme, code);
    }

    public Optional<Municipality> municipality(String kommunCode) {
        return Optional.ofNullable(kommunCode).map(municipalities::get);
    }

    /** The customer number if it is registered for that municipality (and only then). */
    public Optional<CustomerNumber> customerNumber(String kommunCode, String customerNumber) {
        return municipality(kommunCode).flatMap(m -> m.customerNumbers().stream()
                .filter(c -> c.number().equals(customerNumber))
                .findFirst());
    }

    /** The municipality a customer number is registered for, whether it is an agreement party or not. */
    public Optional<Municipality> municipalityOfCustomerNumber(String customerNumber) {
        if (customerNumber == null) {
            return Optional.empty();
        }
        return municipalities.values().stream()
                .filter(m -> m.customerNumbers().stream().anyMatch(c -> c.number().equals(customerNumber)))
                .findFirst();
    }

    public Optional<PrivateContractor> privateContractor(String orgNumber) {
        return Optional.ofNullable(orgNumber).map(privateContractors::get);
    }

    public Optional<ProductArea> productArea(String code) {
        return Optional.ofNullable(code).map(productAreas::get);
    }

    /**
     * How many months after delivery a loan of {@code articleNumber} is followed up when its order gave no date: its
     * product area's interval, else the default (an article no longer in the assortment, or none known).
     */
    public int followUpMonths(String articleNumber) {
        return article(articleNumber).map(Article::productArea).flatMap(this::productArea)
                .map(ProductArea::followUpInterval).orElse(ProductArea.DEFAULT_FOLLOW_UP_MONTHS);
    }

    public Optional<Article> article(String articleNumber) {
        return Optional.ofNullable(articleNumber).map(assortment::get);
    }
}
