package se.hjalpmedelsnav.mappings.loans.rules;

import java.util.ArrayList;
import java.util.List;
import se.hjalpmedelsnav.mappings.loans.LoansRequestMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.CustomerNumberOfKommun;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.PrivateContractorAgreement;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The customer number a question is narrowed to, and a private contractor's right to see it: the shared rules
 * of the messages placed on a customer number, applied to the one the question names. A private contractor's
 * orderer must name one, which its agreement must cover, so that it never sees loans on the municipality's other
 * numbers; a municipality's own orderer may leave it out and sees all the municipality's loans.
 */
public final class LoanQueryAccount implements MessageRule<LoansRequestMessage> {

    private final CustomerNumberOfKommun customerNumber = new CustomerNumberOfKommun();
    private final PrivateContractorAgreement privateContractor = new PrivateContractorAgreement();

    @Override
    public List<ContractError> check(LoansRequestMessage request, RuleContext context) {
        List<ContractError> errors = new ArrayList<>();
        boolean contractor = request.orderer() != null && request.orderer().forPrivateContractor();
        if (request.customerNumber() == null) {
            if (contractor) {
                errors.add(ContractError.of(ErrorCode.SCHEMA_INVALID, "customerNumber", "is required when "
                        + "orderer.privateContractorOrgNumber is set: a private contractor sees only the loans on a "
                        + "customer number its agreement with the municipality covers, and names it."));
            }
            return errors;
        }
        errors.addAll(customerNumber.check(request, context));
        errors.addAll(privateContractor.check(request, context));
        return errors;
    }
}
