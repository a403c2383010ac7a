package se.hjalpmedelsnav.mappings.ruletable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalMessage;
import se.hjalpmedelsnav.mappings.buffer.rules.BufferStoreOwned;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.fault.rules.ArticleInAssortment;
import se.hjalpmedelsnav.mappings.fault.rules.IncidentReportDue;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.rules.EventNotAfterReport;
import se.hjalpmedelsnav.mappings.incident.rules.NoPatientIdentity;
import se.hjalpmedelsnav.mappings.incident.rules.UdiDiCheckDigit;
import se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage;
import se.hjalpmedelsnav.mappings.loans.LentLoans;
import se.hjalpmedelsnav.mappings.loans.LoansRequestMessage;
import se.hjalpmedelsnav.mappings.loans.rules.FollowUpOfLentLoans;
import se.hjalpmedelsnav.mappings.loans.rules.LoanQueryAccount;
import se.hjalpmedelsnav.mappings.loans.rules.LoanQueryIdentity;
import se.hjalpmedelsnav.mappings.loans.rules.OneLoanKey;
import se.hjalpmedelsnav.mappings.message.ContractError;
import se.hjalpmedelsnav.mappings.message.CustomerAccountMessage;
import se.hjalpmedelsnav.mappings.message.KommunMessage;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.DeviceForUserMessage;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.registry.Municipality;
import se.hjalpmedelsnav.mappings.registry.Registry;
import se.hjalpmedelsnav.mappings.message.ErrorCode;
import se.hjalpmedelsnav.mappings.order.rules.ArticleOrderable;
import se.hjalpmedelsnav.mappings.order.rules.ConsentAttested;
import se.hjalpmedelsnav.mappings.order.rules.DeliveryAllowed;
import se.hjalpmedelsnav.mappings.order.rules.OrdererAuthorised;
import se.hjalpmedelsnav.mappings.order.rules.RecipientIdentity;
import se.hjalpmedelsnav.mappings.order.rules.RiskAnalysisAttested;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.rules.DeviceIdsUnique;
import se.hjalpmedelsnav.mappings.returns.rules.PickupUnlessLost;
import se.hjalpmedelsnav.mappings.rules.AgreementParty;
import se.hjalpmedelsnav.mappings.rules.CustomerNumberOfKommun;
import se.hjalpmedelsnav.mappings.rules.KommunMatchesQueue;
import se.hjalpmedelsnav.mappings.rules.MessageRule;
import se.hjalpmedelsnav.mappings.rules.Notice;
import se.hjalpmedelsnav.mappings.rules.PayerNumberLinked;
import se.hjalpmedelsnav.mappings.rules.PrivateContractorAgreement;
import se.hjalpmedelsnav.mappings.rules.RuleContext;

/**
 * The rules of each message type, and the notices of its receipt: the table the intake asks with a
 * message's type. Every rule of the type runs, so the municipality gets all the errors of its message
 * in one receipt, in the order the rules are registered: sender, numbers, contractor, then the type's
 * own. The rules several types share are written once and registered for each type that needs them.
 */
public final class MessageRules {

    /** Who sends: every message type. */
    private static final List<MessageRule<KommunMessage>> SENDER = List.of(
            new KommunMatchesQueue(),
            new AgreementParty());

    /** The numbers a message is placed on and a private contractor's right to them: every type but INCIDENT_REPORT. */
    private static final List<MessageRule<CustomerAccountMessage>> CUSTOMER_ACCOUNT = List.of(
            new CustomerNumberOfKommun(),
            new PayerNumberLinked(),
            new PrivateContractorAgreement());

    /**
     * A user gets a device: the articles and who may order them, the user's identity, the attestations. ORDER and
     * BUFFER_WITHDRAWAL.
     */
    private static final List<MessageRule<DeviceForUserMessage>> DEVICE_FOR_USER = List.of(
            new ArticleOrderable(),
            new OrdererAuthorised(),
            new RecipientIdentity(),
            new RiskAnalysisAttested(),
            new ConsentAttested());

    /**
     * The rules and notices of one message type.
     *
     * @param messageClass the record the parser makes of a message of that type
     */
    public record Registration<M extends KommunMessage>(MessageType type, Class<M> messageClass,
            List<MessageRule<? super M>> rules, List<Notice<? super M>> notices) {

        public Registration {
            rules = List.copyOf(rules);
            notices = List.copyOf(notices);
        }

        /** The rules of {@code groups}, group after group, each in its own order; no notices. */
        @SafeVarargs
        public static <M extends KommunMessage> Registration<M> of(MessageType type, Class<M> messageClass,
                List<? extends MessageRule<? super M>>... groups) {
            List<MessageRule<? super M>> rules = new ArrayList<>();
            Arrays.stream(groups).forEach(rules::addAll);
            return new Registration<>(type, messageClass, rules, List.of());
        }

        /** The same rules; the receipt also says {@code notice} where it applies. */
        public Registration<M> withNotice(Notice<? super M> notice) {
            List<Notice<? super M>> more = new ArrayList<>(notices);
            more.add(notice);
            return new Registration<>(type, messageClass, rules, more);
        }

        private List<ContractError> errors(KommunMessage message, RuleContext context) {
            M typed = messageClass.cast(message);
            List<ContractError> errors = new ArrayList<>();
            for (MessageRule<? super M> rule : rules) {
                errors.addAll(rule.check(typed, context));
            }
            return List.copyOf(errors);
        }

        private List<String> notices(KommunMessage message, RuleContext context) {
            M typed = messageClass.cast(message);
            return notices.stream().map(notice -> notice.noticeFor(typed, context)).flatMap(Optional::stream).toList();
        }
    }

    private final Map<MessageType, Registration<?>> table = new EnumMap<>(MessageType.class);

    public MessageRules(List<Registration<?>> registrations) {
        for (Registration<?> registration : registrations) {
            if (table.put(registration.type(), registration) != null) {
                throw new IllegalArgumentException("rules registered twice for " + registration.type());
            }
        }
    }

    /**
     * The handbook's rules for every message type the contract knows, with no loan register: a FOLLOW_UP_DONE is then
     * refused (no loan is known). The hub checks with {@link #handbook(LentLoans)}.
     */
    public static MessageRules handbook() {
        return handbook(LentLoans.NONE);
    }

    /** The handbook's rules for every message type the contract knows; a FOLLOW_UP_DONE is checked against {@code loans}. */
    public static MessageRules handbook(LentLoans loans) {
        return new MessageRules(List.of(
                Registration.of(MessageType.ORDER, OrderMessage.class, SENDER, CUSTOMER_ACCOUNT, DEVICE_FOR_USER,
                        List.of(new DeliveryAllowed())),
                Registration.of(MessageType.RETURN, ReturnMessage.class, SENDER, CUSTOMER_ACCOUNT, List.of(
                        new DeviceIdsUnique(),
                        new PickupUnlessLost())),
                Registration.of(MessageType.FAULT_REPORT, FaultReportMessage.class, SENDER, CUSTOMER_ACCOUNT,
                                List.of(new ArticleInAssortment()))
                        .withNotice(new IncidentReportDue()),
                Registration.of(MessageType.INCIDENT_REPORT, IncidentReportMessage.class, SENDER, List.of(
                        new UdiDiCheckDigit(),
                        new EventNotAfterReport(),
                        new NoPatientIdentity())),
                Registration.of(MessageType.BUFFER_WITHDRAWAL, BufferWithdrawalMessage.class, SENDER, CUSTOMER_ACCOUNT,
                        DEVICE_FOR_USER, List.of(new BufferStoreOwned())),
                // A question placed on no payer number: the customer-number rules apply to the one it names, if any.
                Registration.of(MessageType.LOANS_REQUEST, LoansRequestMessage.class, SENDER, List.of(
                        new OneLoanKey(),
                        new LoanQueryAccount(),
                        new LoanQueryIdentity())),
                // An answer placed on no customer number: it must follow up one of the sender's own loans.
                Registration.of(MessageType.FOLLOW_UP_DONE, FollowUpDoneMessage.class, SENDER, List.of(
                        new FollowUpOfLentLoans(loans)))));
    }

    /**
     * What an order the supplier took outside the hub (a Peppol Order Agreement) is checked with: the rules on the
     * numbers it is placed on, written once above for the municipalities' messages. The municipality is the one
     * whose customer number the buyer's is; it must be an agreement party ({@link AgreementParty}), and the
     * invoicee's payer number must be given and linked to that customer number ({@link PayerNumberLinked}). The orderer's
     * rules do not apply: the supplier took the order from someone the hub never saw.
     */
    public static OrderAgreementCheck checkOrderAgreement(String customerNumber, String payerNumber, Registry registry,
            LocalDate agreedOn) {
        Optional<Municipality> municipality = registry.municipalityOfCustomerNumber(customerNumber);
        if (municipality.isEmpty()) {
            return new OrderAgreementCheck(null, List.of(ContractError.of(ErrorCode.CUSTOMER_NUMBER_UNKNOWN,
                    "customerNumber", "The buyer's customer number (BuyerCustomerParty/Party/PartyIdentification/ID) "
                            + "is not registered for any municipality in the hub's registry.")));
        }
        String kommunCode = municipality.get().code();
        RuleContext context = new RuleContext(kommunCode, registry, agreedOn);
        AgreedOrder agreed = new AgreedOrder(kommunCode, customerNumber, payerNumber);
        List<ContractError> errors = new ArrayList<>();
        for (MessageRule<? super AgreedOrder> rule : ORDER_AGREEMENT) {
            errors.addAll(rule.check(agreed, context));
        }
        if (payerNumber == null || payerNumber.isBlank()) {
            // The shared rules read schema-valid messages, which always carry one; an agreement may lack it.
            errors.add(ContractError.of(ErrorCode.PAYER_NUMBER_INVALID, "payerNumber", "The Order Agreement names no "
                    + "payer number (AccountingCustomerParty/Party/PartyIdentification/ID); name one linked to the "
                    + "customer number."));
        } else {
            errors.addAll(new PayerNumberLinked().check(agreed, context));
        }
        return new OrderAgreementCheck(kommunCode, errors);
    }

    /**
     * The outcome of {@link #checkOrderAgreement}.
     *
     * @param kommunCode the municipality whose customer number the agreement is placed on; null if none
     * @param errors     every rule broken, empty when the municipality may be told of the order
     */
    public record OrderAgreementCheck(String kommunCode, List<ContractError> errors) {

        public OrderAgreementCheck {
            errors = List.copyOf(errors);
        }

        public boolean passed() {
            return kommunCode != null && errors.isEmpty();
        }
    }

    /** The shared rules that hold for an Order Agreement, in the order their errors are reported. */
    private static final List<MessageRule<? super AgreedOrder>> ORDER_AGREEMENT = List.of(
            new AgreementParty(),
            new CustomerNumberOfKommun());

    /** An Order Agreement as the shared rules read a message: an order on that municipality's numbers. */
    private record AgreedOrder(String kommunCode, String customerNumber, String payerNumber)
            implements CustomerAccountMessage {

        @Override
        public MessageType type() {
            return MessageType.ORDER;
        }

        @Override
        public String messageId() {
            return null;
        }

        @Override
        public OffsetDateTime sentAt() {
            return null;
        }

        @Override
        public Orderer orderer() {
            return null;
        }
    }

    /** Every violation of every rule of the message's type, in rule order; empty when the message may be forwarded. */
    public List<ContractError> check(KommunMessage message, RuleContext context) {
        return registrationOf(message).errors(message, context);
    }

    /** What the receipt of the message should say besides its errors, in the order the notices are registered. */
    public List<String> notices(KommunMessage message, RuleContext context) {
        return registrationOf(message).notices(message, context);
    }

    private Registration<?> registrationOf(KommunMessage message) {
        Registration<?> registration = table.get(message.type());
        if (registration == null) {
            // A type without rules must not pass as one whose rules all passed.
            throw new IllegalArgumentException("no rules are registered for " + message.type() + " messages");
        }
        return registration;
    }
}
