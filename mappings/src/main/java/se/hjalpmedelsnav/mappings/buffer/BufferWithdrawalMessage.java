package se.hjalpmedelsnav.mappings.buffer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;

/**
 * A BUFFER_WITHDRAWAL (uttag ur bufferförråd): a device from the buffer store of the unit whose customer number it
 * names was handed to a user. The hub registers the loan with the supplier on that user and orders the store's refill.
 *
 * @param customerNumber the customer number of the unit that owns the buffer store
 * @param deviceId       the device handed out (individnummer)
 * @param handedOutAt    when the user got it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BufferWithdrawalMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Orderer orderer,
        String customerNumber,
        String payerNumber,
        String deviceId,
        String articleNumber,
        Recipient recipient,
        Decision decision,
        Boolean riskAnalysisDone,
        Boolean consentObtained,
        OffsetDateTime handedOutAt) implements DeviceForUserMessage {

    @Override
    @JsonIgnore
    public List<ArticleField> articleFields() {
        return List.of(new ArticleField("articleNumber", articleNumber));
    }

    @Override
    public String toString() {
        // The user's identity and name must never reach a log line through toString().
        return "BufferWithdrawalMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", customerNumber="
                + customerNumber + "]";
    }
}
