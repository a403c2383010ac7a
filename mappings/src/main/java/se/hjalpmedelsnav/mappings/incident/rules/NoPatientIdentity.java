package se.hjalpmedelsnav.mappings.incident.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.hjalpmedelsnav.mappings.identifier.PersonalIdentityNumber;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The patient's identity never leaves the hub, and an incident report goes to Läkemedelsverket and the
 * manufacturer: a free text holding a personal identity number is refused rather than forwarded.
 *
 * <p>A run of digits counts when it has a personnummer's or samordningsnummer's shape (6 or 8 digits, an
 * optional {@code -}, {@code +} or space, 4 digits) and {@link PersonalIdentityNumber} finds it valid, so
 * serial and lot numbers of that length rarely trip it. The message never repeats what was found.
 */
public final class NoPatientIdentity implements MessageRule<IncidentReportMessage> {

    private static final Pattern SHAPED_LIKE_ONE =
            Pattern.compile("(?<![0-9])([0-9]{6}|[0-9]{8})([-+ ]?)([0-9]{4})(?![0-9])");

    @Override
    public List<ContractError> check(IncidentReportMessage message, RuleContext context) {
        List<ContractError> errors = new ArrayList<>();
        if (holdsPersonalIdentityNumber(message.description(), context.messageDate())) {
            errors.add(identityIn("description"));
        }
        if (holdsPersonalIdentityNumber(message.actionsTaken(), context.messageDate())) {
            errors.add(identityIn("actionsTaken"));
        }
        return errors;
    }

    static boolean holdsPersonalIdentityNumber(String text, LocalDate today) {
        if (text == null) {
            return false;
        }
        Matcher candidate = SHAPED_LIKE_ONE.matcher(text);
        while (candidate.find()) {
            String date = candidate.group(1);
            String separator = candidate.group(2);
            // The short form needs its separator to say the century; a plain 10 digits is read as under 100.
            String written = date.length() == 6
                    ? date + (separator.equals("+") ? "+" : "-") + candidate.group(3)
                    : date + candidate.group(3);
            if (PersonalIdentityNumber.isValid(written, today)) {
                return true;
            }
        }
        return false;
    }

    private static ContractError identityIn(String field) {
        return ContractError.of(ErrorCode.SCHEMA_INVALID, field,
                field + " holds what looks like a personal identity number; the patient's identity must not be "
                        + "sent: it never leaves the hub. Describe the patient only by age and sex in patient.");
    }
}
