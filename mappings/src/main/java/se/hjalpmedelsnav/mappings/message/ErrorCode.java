package se.hjalpmedelsnav.mappings.message;

/** The stable error codes of the municipality contract (DESIGN.md). Never rename one: clients match on them. */
public enum ErrorCode {
    MALFORMED,
    SCHEMA_INVALID,
    UNKNOWN_MESSAGE_TYPE,
    MESSAGE_TOO_LARGE,
    KOMMUN_MISMATCH,
    KOMMUN_NOT_PARTY,
    CUSTOMER_NUMBER_UNKNOWN,
    PAYER_NUMBER_INVALID,
    PRIVATE_CONTRACTOR_NO_AGREEMENT,
    ORDERER_NOT_AUTHORISED,
    ARTICLE_NOT_ORDERABLE,
    PERSONAL_ID_INVALID,
    RISK_ANALYSIS_MISSING,
    CONSENT_MISSING,
    DELIVERY_NOT_ALLOWED,
    UDI_INVALID,
    SUPPLIER_REJECTED
}
