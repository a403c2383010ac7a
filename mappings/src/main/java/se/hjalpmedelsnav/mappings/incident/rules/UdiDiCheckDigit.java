package se.hjalpmedelsnav.mappings.incident.rules;

import java.util.List;
import java.util.regex.Pattern;
import se.hjalpmedelsnav.mappings.identifier.Gtin;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * A UDI-DI given as digits is a GS1 GTIN, whose check digit catches a mistyped one before the
 * manufacturer and the authority search for a device that does not exist. Other issuing entities'
 * UDI-DIs (HIBCC, ICCBBA, IFA) hold letters and are taken as given.
 */
public final class UdiDiCheckDigit implements MessageRule<IncidentReportMessage> {

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    @Override
    public List<ContractError> check(IncidentReportMessage message, RuleContext context) {
        String udiDi = message.device() == null ? null : message.device().udiDi();
        if (udiDi == null || !DIGITS.matcher(udiDi).matches() || Gtin.isValid(udiDi)) {
            return List.of();
        }
        return List.of(ContractError.of(ErrorCode.UDI_INVALID, "device.udiDi",
                "device.udiDi given as digits must be a GS1 GTIN of 8, 12, 13 or 14 digits with a correct check "
                        + "digit; copy it again from the device's label or packaging."));
    }
}
