package se.hjalpmedelsnav.mappings.rules;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.message.KommunMessage;

/** Only a municipality that signed the supply agreement may order, return, or report through the hub. */
public final class AgreementParty implements MessageRule<KommunMessage> {

    @Override
    public List<ContractError> check(KommunMessage message, RuleContext context) {
        String kommunCode = context.queueKommunCode();
        return context.registry().municipality(kommunCode)
                .map(municipality -> municipality.agreementParty() ? List.<ContractError>of() : notParty())
                .orElseGet(() -> List.of(ContractError.of(ErrorCode.KOMMUN_NOT_PARTY, "kommunCode",
                        "The municipality of this queue is not in the hub's registry of agreement parties and may "
                                + "not use the agreement; contact the hub's administrators if it has signed it.")));
    }

    private static List<ContractError> notParty() {
        return List.of(ContractError.of(ErrorCode.KOMMUN_NOT_PARTY, "kommunCode",
                "The municipality of this queue has not signed the supply agreement and may not use it; contact "
                        + "the hub's administrators if it has signed it since."));
    }
}
