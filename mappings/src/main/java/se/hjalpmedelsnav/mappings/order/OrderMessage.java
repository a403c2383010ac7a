package se.hjalpmedelsnav.mappings.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import se.hjalpmedelsnav.mappings.message.MessageType;

/**
 * An ORDER (beställning) of assistive devices for one user, placed on a municipality's customer
 * and payer numbers. JSON and XML share this structure; the schemas are
 * {@code schema/kommun-message.schema.json} and {@code schema/kommun-message.xsd}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderMessage(
        MessageType type,
        String messageId,
        String kommunCode,
        OffsetDateTime sentAt,
        Orderer orderer,
        String customerNumber,
        String payerNumber,
        Decision decision,
        Recipient recipient,
        Delivery delivery,
        Boolean riskAnalysisDone,
        Boolean consentObtained,
        List<OrderLine> lines,
        String note) implements DeviceForUserMessage {

    @Override
    @JsonIgnore
    public List<ArticleField> articleFields() {
        List<OrderLine> all = lines == null ? List.of() : lines;
        return java.util.stream.IntStream.range(0, all.size())
                .mapToObj(i -> new ArticleField("lines[" + i + "].articleNumber",
                        all.get(i) == null ? null : all.get(i).articleNumber()))
                .toList();
    }

    @Override
    public String toString() {
        // Names and identity numbers must never reach a log line through toString().
        return "OrderMessage[messageId=" + messageId + ", kommunCode=" + kommunCode + ", customerNumber="
                + customerNumber + ", lines=" + (lines == null ? 0 : lines.size()) + "]";
    }
}
