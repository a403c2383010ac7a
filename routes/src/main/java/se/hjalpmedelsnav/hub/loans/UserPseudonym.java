package se.hjalpmedelsnav.hub.loans;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.identifier.PersonalIdentityNumber;

/**
 * The user as the loan register keeps them: HMAC-SHA256 of the 12-digit identity number ({@code YYYYMMDDNNNC}, so
 * every written form of one number gives one pseudonym) under a secret from the environment
 * ({@code nav.loans.pseudonym-secret}, {@code NAV_LOANS_PSEUDONYM_SECRET}). Without the secret nobody can test a
 * guessed number against the register; with it, the same person is found again. The number itself is never kept,
 * logged or put in an exception.
 */
@Component
public class UserPseudonym {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public UserPseudonym(@Value("${nav.loans.pseudonym-secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("nav.loans.pseudonym-secret (NAV_LOANS_PSEUDONYM_SECRET) is not set: the "
                    + "loan register cannot keep its users without it");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * The pseudonym of a valid personnummer or samordningsnummer in any accepted form, read as on {@code day} (the
     * century of a short form); empty when it is not one.
     */
    public Optional<String> of(String personalIdentityNumber, LocalDate day) {
        return PersonalIdentityNumber.parse(personalIdentityNumber, day).map(number -> hmac(number.number()));
    }

    private String hmac(String twelveDigits) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe; one per call is cheap
            mac.init(key);
            // Base64url, not hex: a hex string can hold a run of ten digits that reads as a personnummer.
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(twelveDigits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "UserPseudonym[HmacSHA256]";
    }
}
