package se.hjalpmedelsnav.mappings.order;

/** Protected personal data (skyddade personuppgifter) as registered by the Swedish Tax Agency. */
public enum IdentityProtection {
    NONE,
    /** Sekretessmarkering. */
    SEKRETESSMARKERING,
    /** Skyddad folkbokföring (formerly kvarskrivning). */
    SKYDDAD_FOLKBOKFORING
}
