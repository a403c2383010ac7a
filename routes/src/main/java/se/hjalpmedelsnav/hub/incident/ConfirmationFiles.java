package se.hjalpmedelsnav.hub.incident;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.incident.AuthorityConfirmation;
import se.hjalpmedelsnav.mappings.incident.AuthorityConfirmation.InvalidConfirmationException;

/** A confirmation file dropped by whoever submitted the report in Läkemedelsverket's form. */
@Component
public class ConfirmationFiles {

    private final IncidentConfirmations confirmations;

    public ConfirmationFiles(IncidentConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    /**
     * Applies the file's confirmation.
     *
     * @return null when the file was used (or repeats one used before), else why it cannot be used
     */
    public String apply(@Body byte[] file, @Header("CamelFileNameOnly") String name) {
        AuthorityConfirmation confirmation;
        try {
            confirmation = AuthorityConfirmation.parse(file);
        } catch (InvalidConfirmationException e) {
            return e.getMessage();
        }
        return switch (confirmations.confirm(confirmation.hubReference(), confirmation.authorityReference(),
                "file " + name).outcome()) {
            case CONFIRMED, ALREADY_CONFIRMED -> null;
            case UNKNOWN -> "Not a valid confirmation: no incident report has that hubReference";
            case CONFLICT -> "Not a valid confirmation: the report was confirmed before with another "
                    + "authorityReference; the first confirmation stands";
        };
    }
}
