package se.hjalpmedelsnav.mappings.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.hjalpmedelsnav.mappings.registry.Article;
import se.hjalpmedelsnav.mappings.registry.BufferStore;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.PrivateContractor;
import se.hjalpmedelsnav.mappings.registry.PrivateContractorAgreement;
import se.hjalpmedelsnav.mappings.registry.ProductArea;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * Builds registries for tests. {@link #standard()} is a small fictional county that every default of
 * {@link OrderBuilder#valid()} fits; tests name the constants that matter to them.
 */
public final class TestRegistry {

    /** Signed the agreement. */
    public static final String PARTY_KOMMUN = "1480";
    /** Did not sign the agreement (fictional: in this test registry only). */
    public static final String NON_PARTY_KOMMUN = "1481";
    /** A valid county code that the registry does not hold. */
    public static final String UNREGISTERED_KOMMUN = "1401";

    /** Customer number of the party municipality whose unit has a buffer store. */
    public static final String CUSTOMER_WITH_BUFFER_STORE = "480100";
    public static final String PAYER_OF_CUSTOMER_WITH_BUFFER_STORE = "480901";
    public static final String SECOND_PAYER_OF_CUSTOMER_WITH_BUFFER_STORE = "480902";
    /** Customer number of the party municipality whose unit has no buffer store. */
    public static final String CUSTOMER_WITHOUT_BUFFER_STORE = "480200";
    public static final String PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE = "480903";
    public static final String CUSTOMER_OF_NON_PARTY = "481100";
    public static final String PAYER_OF_NON_PARTY = "481901";

    /** Has an open-ended agreement with the party municipality covering {@link #CUSTOMER_WITH_BUFFER_STORE}. */
    public static final String CONTRACTOR_WITH_CURRENT_AGREEMENT = "556677-8899";
    public static final String CURRENT_AGREEMENT = "AVT-2025-017";
    public static final LocalDate CURRENT_AGREEMENT_FROM = LocalDate.of(2025, 1, 1);
    /** Had an agreement with the party municipality that ended {@link #EXPIRED_AGREEMENT_TO}. */
    public static final String CONTRACTOR_WITH_EXPIRED_AGREEMENT = "212000-0142";
    public static final String EXPIRED_AGREEMENT = "AVT-2022-003";
    public static final LocalDate EXPIRED_AGREEMENT_TO = LocalDate.of(2024, 12, 31);
    /** A valid organisationsnummer that the registry does not hold. */
    public static final String UNREGISTERED_CONTRACTOR = "802000-0009";

    public static final String COMMUNICATION = "KOM";
    public static final String COGNITION = "KOG";
    public static final String OCCUPATIONAL_THERAPIST = "ARBETSTERAPEUT";
    public static final String SPEECH_THERAPIST = "LOGOPED";
    public static final String NURSE = "SJUKSKOTERSKA";

    /** In product area {@link #COMMUNICATION}: occupational and speech therapists may order it. */
    public static final String COMMUNICATION_ARTICLE = "100101";
    /** In product area {@link #COGNITION}: occupational therapists and nurses may order it. */
    public static final String COGNITION_ARTICLE = "200201";
    /** In the assortment, but in a product area the registry does not hold. */
    public static final String ARTICLE_OF_UNKNOWN_PRODUCT_AREA = "300301";
    public static final String ARTICLE_NOT_IN_ASSORTMENT = "999999";
    /** In product area {@link #COMMUNICATION}, and a medical device: incident reporting applies. */
    public static final String MEDICAL_DEVICE_ARTICLE = "100102";

    /** The day the default order is sent (in Swedish time). */
    public static final LocalDate ORDER_DATE = LocalDate.of(2026, 3, 2);

    private final List<Municipality> municipalities = new ArrayList<>();
    private final List<PrivateContractor> contractors = new ArrayList<>();
    private final List<ProductArea> productAreas = new ArrayList<>();
    private final List<Article> articles = new ArrayList<>();

    public static TestRegistry empty() {
        return new TestRegistry();
    }

    public static TestRegistry standard() {
        return empty()
                .municipality(PARTY_KOMMUN, "Göteborg", true,
                        customerNumber(CUSTOMER_WITH_BUFFER_STORE, "Hemtjänst Centrum", true,
                                PAYER_OF_CUSTOMER_WITH_BUFFER_STORE, SECOND_PAYER_OF_CUSTOMER_WITH_BUFFER_STORE),
                        customerNumber(CUSTOMER_WITHOUT_BUFFER_STORE, "Hemsjukvård Väster", false,
                                PAYER_OF_CUSTOMER_WITHOUT_BUFFER_STORE))
                .municipality(NON_PARTY_KOMMUN, "Mölndal", false,
                        customerNumber(CUSTOMER_OF_NON_PARTY, "Socialtjänst", false, PAYER_OF_NON_PARTY))
                .contractor(CONTRACTOR_WITH_CURRENT_AGREEMENT, "Testomsorg AB",
                        new PrivateContractorAgreement(PARTY_KOMMUN, CURRENT_AGREEMENT, CURRENT_AGREEMENT_FROM, null,
                                List.of(CUSTOMER_WITH_BUFFER_STORE)))
                .contractor(CONTRACTOR_WITH_EXPIRED_AGREEMENT, "Gammal Omsorg AB",
                        new PrivateContractorAgreement(PARTY_KOMMUN, EXPIRED_AGREEMENT, LocalDate.of(2022, 1, 1),
                                EXPIRED_AGREEMENT_TO, List.of(CUSTOMER_WITH_BUFFER_STORE)))
                .productArea(COMMUNICATION, "Kommunikation", OCCUPATIONAL_THERAPIST, SPEECH_THERAPIST)
                .productArea(COGNITION, "Kognition", OCCUPATIONAL_THERAPIST, NURSE)
                .article(COMMUNICATION_ARTICLE, COMMUNICATION)
                .article(COGNITION_ARTICLE, COGNITION)
                .article(ARTICLE_OF_UNKNOWN_PRODUCT_AREA, "UTGATT")
                .medicalDevice(MEDICAL_DEVICE_ARTICLE, COMMUNICATION);
    }

    /** The standard registry, for tests that change nothing in it. */
    public static Registry standardRegistry() {
        return standard().build();
    }

    /** The context of a message on {@code queueKommunCode}'s queue in the standard registry, on {@link #ORDER_DATE}. */
    public static RuleContext contextOnQueue(String queueKommunCode) {
        return new RuleContext(queueKommunCode, standardRegistry(), ORDER_DATE);
    }

    public static CustomerNumber customerNumber(String number, String unit, boolean bufferStore, String... payers) {
        BufferStore store = bufferStore ? BufferStore.at(new Address(null, "Förrådsvägen 1", "41101", "Göteborg")) : null;
        return new CustomerNumber(number, unit, List.of(payers), store);
    }

    public TestRegistry municipality(String code, String name, boolean agreementParty,
            CustomerNumber... customerNumbers) {
        municipalities.add(new Municipality(code, name, agreementParty, List.of(customerNumbers)));
        return this;
    }

    public TestRegistry contractor(String orgNumber, String name, PrivateContractorAgreement... agreements) {
        contractors.add(new PrivateContractor(orgNumber, name, List.of(agreements)));
        return this;
    }

    public TestRegistry productArea(String code, String name, String... orderingRoles) {
        productAreas.add(new ProductArea(code, name, Set.of(orderingRoles)));
        return this;
    }

    public TestRegistry article(String articleNumber, String productArea) {
        articles.add(new Article(articleNumber, "Testartikel " + articleNumber, productArea, "22 21 09", false,
                "Testtillverkaren AB"));
        return this;
    }

    public TestRegistry medicalDevice(String articleNumber, String productArea) {
        articles.add(new Article(articleNumber, "Medicinteknisk testartikel " + articleNumber, productArea, "22 21 09",
                true, "Testtillverkaren AB"));
        return this;
    }

    public Registry build() {
        return new Registry(municipalities, contractors, productAreas, articles);
    }
}
