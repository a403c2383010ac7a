package se.hjalpmedelsnav.hub.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import se.hjalpmedelsnav.mappings.message.KommunMessageParser;
import se.hjalpmedelsnav.mappings.message.ParseResult;
import se.hjalpmedelsnav.mappings.message.WellFormedText;
import se.hjalpmedelsnav.broker.MessageProperties;
import se.hjalpmedelsnav.hub.stage.TransportMessageId;

/** First step of the intake: the raw body read into a message, or into the reasons it cannot be. */
@Component
public class KommunMessageReader {

    private final KommunMessageParser parser;
    private final Clock clock;

    public KommunMessageReader(KommunMessageParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    public Intake read(@Body byte[] body, @Header(MessageProperties.KOMMUN_CODE) String queueKommunCode,
            @ExchangeProperty(TransportMessageId.SENDER_ID) String transportId, @Header("JMSCorrelationID") String senderCorrelationId,
            @Header("JMS_AMQP_ContentType") String amqpContentType) {
        ParseResult parsed = parser.parse(body == null ? new byte[0] : body, amqpContentType);
        List<se.hjalpmedelsnav.mappings.message.ContractError> errors = parsed instanceof ParseResult.Rejected r
                ? r.errors()
                : List.of();
        // For a body too broken to read a messageId from, the receipt goes back under the sender's own
        // correlation id when it set one, else under the id it sent the message with. Never under one with an
        // unpaired surrogate (a CORE client can set one): nothing the hub sends holds one, and an AMQP client
        // reads it back as another string (U+FFFD for the half character), so it would match nothing anyway.
        String fallbackCorrelation = senderCorrelationId != null && !senderCorrelationId.isBlank()
                && !WellFormedText.hasUnpairedSurrogate(senderCorrelationId)
                ? senderCorrelationId
                : transportId;
        return new Intake(queueKommunCode, fallbackCorrelation, UUID.randomUUID().toString(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
                parsed, errors, List.of(), null, false, false);
    }
}
