package se.hjalpmedelsnav.mappings.order;

import java.util.List;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;

/**
 * A message that puts devices in a user's hands on a municipality's numbers: an ORDER, or a BUFFER_WITHDRAWAL (a
 * device handed out from a buffer store). The rules on the user's identity, the risk analysis and consent, and the
 * articles and who may order them read a message through this, so they are written once for both.
 */
public interface DeviceForUserMessage extends CustomerAccountMessage {

    Recipient recipient();

    /** The decision the devices are lent under: what a loan is followed up and returned by. */
    Decision decision();

    Boolean riskAnalysisDone();

    Boolean consentObtained();

    /** Each article the message gives the user, with the field a receipt names it by, in the message's order. */
    List<ArticleField> articleFields();

    /**
     * One article of a message and where it is.
     *
     * @param field         the dotted path of its article number, e.g. {@code lines[1].articleNumber}
     * @param articleNumber as sent; null where the message has none there
     */
    record ArticleField(String field, String articleNumber) {
    }
}
