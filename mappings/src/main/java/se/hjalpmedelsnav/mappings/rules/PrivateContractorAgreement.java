package se.hjalpmedelsnav.mappings.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import se.hjalpmedelsnav.mappings.identifier.OrganisationNumber;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.registry.PrivateContractor;
import se.hjalpmedelsnav.mappings.registry.Registry;

/**
 * A private contractor may order (or return, or report a fault) on a municipality's numbers only under
 * an agreement with that municipality that is valid on the message's date and covers its customer number.
 *
 * <p>The messages never quote the organisationsnummer: a sole trader's is their personnummer.
 */
public final class PrivateContractorAgreement implements MessageRule<CustomerAccountMessage> {

    private static final String FIELD = "orderer.privateContractorOrgNumber";

    @Override
    public List<ContractError> check(CustomerAccountMessage message, RuleContext context) {
        if (message.orderer() == null || !message.orderer().forPrivateContractor()) {
            return List.of();
        }
        String kommunCode = context.queueKommunCode();
        Optional<PrivateContractor> contractor = find(context.registry(), message.orderer().privateContractorOrgNumber());
        if (contractor.isEmpty()) {
            return error("The private contractor in " + FIELD + " is not registered in the hub; only a registered "
                    + "contractor with an agreement with the municipality may use its numbers.");
        }
        var withKommun = contractor.get().agreements().stream()
                .filter(agreement -> kommunCode.equals(agreement.kommun()))
                .toList();
        if (withKommun.isEmpty()) {
            return error("The private contractor in " + FIELD + " has no agreement with the municipality of this "
                    + "queue that allows it to use the municipality's numbers.");
        }
        LocalDate messageDate = context.messageDate();
        var valid = withKommun.stream().filter(agreement -> agreement.isValidOn(messageDate)).toList();
        if (valid.isEmpty()) {
            return error("The private contractor's agreement with the municipality is not valid on the "
                    + dateName(message) + " (its sentAt, in Swedish time): it has ended or not yet begun.");
        }
        if (valid.stream().noneMatch(agreement -> agreement.covers(kommunCode, message.customerNumber()))) {
            return error("The private contractor's agreement with the municipality does not cover this customer "
                    + "number; use a customer number the agreement covers.");
        }
        return List.of();
    }

    private static String dateName(CustomerAccountMessage message) {
        return message.type() == MessageType.ORDER ? "order date" : "date of the message";
    }

    /** By the number as sent, else by its 10 digits: the registry and the message may differ on the hyphen. */
    private static Optional<PrivateContractor> find(Registry registry, String orgNumber) {
        Optional<PrivateContractor> exact = registry.privateContractor(orgNumber);
        if (exact.isPresent()) {
            return exact;
        }
        String digits = OrganisationNumber.normalise(orgNumber);
        return registry.privateContractors().stream()
                .filter(contractor -> contractor.orgNumber() != null
                        && OrganisationNumber.normalise(contractor.orgNumber()).equals(digits))
                .findFirst();
    }

    private static List<ContractError> error(String message) {
        return List.of(ContractError.of(ErrorCode.PRIVATE_CONTRACTOR_NO_AGREEMENT, FIELD, message));
    }
}
