package se.hjalpmedelsnav.mappings.message;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalMessage;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage;
import se.hjalpmedelsnav.mappings.loans.LoansRequestMessage;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;

/**
 * How the parser reads one message type: the record it becomes, its definition in the JSON Schema
 * and its root element in the XSD. Supporting a new type is one more entry in {@link #SUPPORTED}
 * (and its definitions in both schemas).
 *
 * @param schemaDefinition the name under {@code $defs} in {@code kommun-message.schema.json}
 * @param rootElement      the root element's local name in {@code kommun-message.xsd}
 */
record MessageContract(MessageType type, Class<? extends KommunMessage> recordClass, String schemaDefinition,
        String rootElement) {

    static final String NAMESPACE = "urn:hjalpmedelsnav:kommun:1";
    static final String JSON_SCHEMA = "schema/kommun-message.schema.json";
    static final String XSD = "schema/kommun-message.xsd";

    static final List<MessageContract> SUPPORTED = List.of(
            new MessageContract(MessageType.ORDER, OrderMessage.class, "order", rootElementOf(MessageType.ORDER)),
            new MessageContract(MessageType.RETURN, ReturnMessage.class, "return", rootElementOf(MessageType.RETURN)),
            new MessageContract(MessageType.FAULT_REPORT, FaultReportMessage.class, "faultReport",
                    rootElementOf(MessageType.FAULT_REPORT)),
            new MessageContract(MessageType.INCIDENT_REPORT, IncidentReportMessage.class, "incidentReport",
                    rootElementOf(MessageType.INCIDENT_REPORT)),
            new MessageContract(MessageType.BUFFER_WITHDRAWAL, BufferWithdrawalMessage.class, "bufferWithdrawal",
                    rootElementOf(MessageType.BUFFER_WITHDRAWAL)),
            new MessageContract(MessageType.LOANS_REQUEST, LoansRequestMessage.class, "loansRequest",
                    rootElementOf(MessageType.LOANS_REQUEST)),
            new MessageContract(MessageType.FOLLOW_UP_DONE, FollowUpDoneMessage.class, "followUpDone",
                    rootElementOf(MessageType.FOLLOW_UP_DONE)));

    /**
     * In both schemas and not read yet: refused with UNKNOWN_MESSAGE_TYPE ("not supported yet"), so a municipality
     * that sends one ahead of the hub gets a clear receipt, not a loss.
     */
    static final List<MessageType> PUBLISHED_AHEAD = List.of();

    static Optional<MessageContract> of(MessageType type) {
        return SUPPORTED.stream().filter(contract -> contract.type() == type).findFirst();
    }

    /** The message type whose root element this is, supported or not yet. */
    static Optional<MessageType> typeOfRootElement(String localName) {
        return Arrays.stream(MessageType.values()).filter(type -> rootElementOf(type).equals(localName)).findFirst();
    }

    /** ORDER → order, FAULT_REPORT → faultReport: the XML root element names the type in camel case. */
    static String rootElementOf(MessageType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    static ContractError notSupportedYet(MessageType type, String field) {
        return ContractError.of(ErrorCode.UNKNOWN_MESSAGE_TYPE, field,
                "this message type is not supported yet by this version of the hub");
    }
}
