package se.hjalpmedelsnav.mappings.peppol;

/**
 * An Order Agreement the hub refuses, with a stable code and a reason that names where or what, never a value
 * of the file. Its message ({@code CODE: reason}) is what the hub writes beside the file in the error folder.
 */
public class OrderAgreementRefused extends IllegalArgumentException {

    /** The file is larger than the hub reads. */
    public static final String FILE_TOO_LARGE = "FILE_TOO_LARGE";
    /** Not well-formed XML, or it declares a DTD. */
    public static final String NOT_WELL_FORMED = "NOT_WELL_FORMED";
    /** Not a UBL 2.1 OrderResponse with the Order Agreement's CustomizationID. */
    public static final String NOT_AN_ORDER_AGREEMENT = "NOT_AN_ORDER_AGREEMENT";
    /** The official Peppol rules (UBL schema and BIS schematron) find errors. */
    public static final String PEPPOL_RULES_BROKEN = "PEPPOL_RULES_BROKEN";
    /** The agreement's ID cannot serve as the order's hub reference. */
    public static final String AGREEMENT_ID_INVALID = "AGREEMENT_ID_INVALID";
    /** The agreement's ID is already the hub reference of another order. */
    public static final String AGREEMENT_ID_IN_USE = "AGREEMENT_ID_IN_USE";

    private final String code;

    public OrderAgreementRefused(String code, String reason) {
        super(code + ": " + reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
