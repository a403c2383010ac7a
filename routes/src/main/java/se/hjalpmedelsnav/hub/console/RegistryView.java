package se.hjalpmedelsnav.hub.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import se.hjalpmedelsnav.mappings.registry.CustomerNumber;
import se.hjalpmedelsnav.mappings.registry.PrivateContractor;
import se.hjalpmedelsnav.mappings.registry.PrivateContractorAgreement;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.registry.RegistrySource;

/**
 * The registry in force as the console shows it: municipalities with their customer and payer numbers, private
 * contractors with their agreements and how long each is valid, and the last reload. Buffer-store addresses are left
 * out (the console needs only whether a unit has one).
 */
@Service
public class RegistryView {

    /** An agreement whose last valid day is this close (or closer) is highlighted. */
    static final int EXPIRES_SOON_DAYS = 30;

    private final RegistrySource source;
    private final Clock clock;

    public RegistryView(RegistrySource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public RegistryPage now() {
        LocalDate today = LocalDate.now(clock);
        Registry registry = source.current();
        var municipalities = registry.municipalities().stream()
                .map(m -> new MunicipalityEntry(m.code(), m.name(), m.agreementParty(),
                        m.customerNumbers().stream().map(RegistryView::customerNumber).toList()))
                .toList();
        var contractors = registry.privateContractors().stream()
                .map(c -> contractor(c, today))
                .toList();
        var last = source.lastChange();
        return new RegistryPage(today, EXPIRES_SOON_DAYS, source.file().toString(),
                new LastReload(last.outcome().name(), last.message(), OffsetDateTime.ofInstant(last.at(), clock.getZone())),
                municipalities, contractors);
    }

    private static CustomerNumberEntry customerNumber(CustomerNumber number) {
        return new CustomerNumberEntry(number.number(), number.unit(), number.payerNumbers(),
                number.bufferStore() != null);
    }

    private static ContractorEntry contractor(PrivateContractor contractor, LocalDate today) {
        return new ContractorEntry(contractor.orgNumber(), contractor.name(),
                contractor.agreements().stream().map(a -> agreement(a, today)).toList());
    }

    static AgreementEntry agreement(PrivateContractorAgreement agreement, LocalDate today) {
        Long daysLeft = agreement.validTo() == null ? null : ChronoUnit.DAYS.between(today, agreement.validTo());
        return new AgreementEntry(agreement.kommun(), agreement.reference(), agreement.validFrom(), agreement.validTo(),
                agreement.customerNumbers(), validity(agreement, today, daysLeft), daysLeft);
    }

    static Validity validity(PrivateContractorAgreement agreement, LocalDate today, Long daysLeft) {
        if (today.isBefore(agreement.validFrom())) {
            return Validity.NOT_YET_VALID;
        }
        if (daysLeft == null) {
            return Validity.VALID;
        }
        if (daysLeft < 0) {
            return Validity.EXPIRED;
        }
        return daysLeft <= EXPIRES_SOON_DAYS ? Validity.EXPIRES_SOON : Validity.VALID;
    }

    /** Where an agreement stands today. */
    public enum Validity {
        VALID,
        /** Valid today, and its last valid day is within {@link #EXPIRES_SOON_DAYS} days. */
        EXPIRES_SOON,
        EXPIRED,
        NOT_YET_VALID
    }

    public record RegistryPage(LocalDate today, int expiresSoonDays, String file, LastReload lastReload,
            List<MunicipalityEntry> municipalities, List<ContractorEntry> privateContractors) {
    }

    /** The last load or reload of the file, good or refused ({@code outcome} RELOADED or REFUSED). */
    public record LastReload(String outcome, String message, OffsetDateTime at) {
    }

    public record MunicipalityEntry(String code, String name, boolean agreementParty,
            List<CustomerNumberEntry> customerNumbers) {
    }

    public record CustomerNumberEntry(String number, String unit, List<String> payerNumbers, boolean bufferStore) {
    }

    public record ContractorEntry(String orgNumber, String name, List<AgreementEntry> agreements) {
    }

    /** {@code daysLeft}: days until the last valid day (0 on it, negative after it), null when open-ended. */
    public record AgreementEntry(String kommun, String reference, LocalDate validFrom, LocalDate validTo,
            List<String> customerNumbers, Validity validity, Long daysLeft) {
    }
}
