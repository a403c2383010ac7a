package se.hjalpmedelsnav.mappings.peppol;

/**
 * A catalogue file the hub refuses whole, with a stable code and a reason that names where or what, never a value
 * of the file ({@code CODE: reason}).
 */
public class CatalogueRefused extends IllegalArgumentException {

    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    public static final String NOT_WELL_FORMED = "NOT_WELL_FORMED";
    public static final String NOT_A_CATALOGUE = "NOT_A_CATALOGUE";
    public static final String PEPPOL_RULES_BROKEN = "PEPPOL_RULES_BROKEN";
    public static final String ACTION_UNKNOWN = "ACTION_UNKNOWN";
    public static final String PROPERTY_INVALID = "PROPERTY_INVALID";

    private final String code;

    public CatalogueRefused(String code, String reason) {
        super(code + ": " + reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
