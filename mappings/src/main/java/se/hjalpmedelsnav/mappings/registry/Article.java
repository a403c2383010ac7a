package se.hjalpmedelsnav.mappings.registry;

/**
 * An article of the assortment (sortiment).
 *
 * @param iso9999       ISO 9999 classification, 2, 4 or 6 digits in pairs
 * @param medicalDevice whether the article is a medical device (incident reporting applies)
 */
public record Article(String articleNumber, String name, String productArea, String iso9999, boolean medicalDevice,
        String manufacturer) {
}
