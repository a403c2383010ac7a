package se.hjalpmedelsnav.mappings.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.hjalpmedelsnav.mappings.buffer.BufferWithdrawalMessage;
import se.hjalpmedelsnav.mappings.fault.DeviceLocation;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentDevice;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.PatientSex;
import se.hjalpmedelsnav.mappings.incident.Reporter;
import se.hjalpmedelsnav.mappings.order.Address;
import se.hjalpmedelsnav.mappings.order.Contact;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.Guardian;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.order.Orderer;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.returns.Pickup;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;

/** RETURN, FAULT_REPORT and INCIDENT_REPORT through the parser: the same record from JSON and XML, or every error. */
class KommunMessageTypesParserTest {

    private static final KommunMessageParser PARSER = new KommunMessageParser(ParserLimits.defaults());
    private static final String RETURN = "messages/return-valid.json";
    private static final String FAULT_REPORT = "messages/fault-report-valid.json";
    private static final String INCIDENT_REPORT = "messages/incident-report-valid.json";
    private static final Orderer ORDERER = new Orderer("at-4711", "Fiktiva Arbetsterapeut", "ARBETSTERAPEUT",
            "031-123 45 67", null);
    private static final Contact CONTACT = new Contact("Fiktiv Kontakt", "031-765 43 21");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                arguments("messages/return-valid", ReturnMessage.class),
                arguments("messages/fault-report-valid", FaultReportMessage.class),
                arguments("messages/incident-report-valid", IncidentReportMessage.class),
                arguments("messages/buffer-withdrawal-valid", BufferWithdrawalMessage.class),
                arguments("messages/loans-request-valid", se.hjalpmedelsnav.mappings.loans.LoansRequestMessage.class),
                arguments("messages/follow-up-done-valid", se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage.class));
    }

    /** FOLLOW_UP_DONE, no longer published ahead: read from JSON and XML alike, every member. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"json", "xml"})
    void readsEveryMemberOfAFollowUpDone(String format) {
        assertThat(parsed(OrderBody.fixture("messages/follow-up-done-valid." + format))).isEqualTo(
                new se.hjalpmedelsnav.mappings.loans.FollowUpDoneMessage(MessageType.FOLLOW_UP_DONE,
                        "1480-2026-F-000003", "1480", OffsetDateTime.parse("2027-11-02T09:00:00+01:00"),
                        new Orderer("at-4711", "Fiktiva Arbetsterapeut", "ARBETSTERAPEUT", null, null),
                        "BES-2026-0042", List.of("IND-000123"), LocalDate.of(2028, 11, 1),
                        LocalDate.of(2029, 6, 30)));
    }

    @Test
    void readsTheDecisionsEndAndFollowUpDatesOfAnOrderFromJsonAndXml() {
        OrderBody order = OrderBody.of("messages/order-valid.json")
                .with("decision.validTo", "2028-11-19").with("decision.followUpDate", "2027-11-20");

        for (byte[] body : List.of(order.json(), order.xml())) {
            se.hjalpmedelsnav.mappings.order.OrderMessage parsed =
                    (se.hjalpmedelsnav.mappings.order.OrderMessage) parsed(body);
            assertThat(parsed.decision().validTo()).isEqualTo(LocalDate.of(2028, 11, 19));
            assertThat(parsed.decision().followUpDate()).isEqualTo(LocalDate.of(2027, 11, 20));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void parsesTheSameMessageFromJsonAndXmlToEqualRecords(String fixture, Class<?> recordClass) {
        KommunMessage fromJson = parsed(OrderBody.fixture(fixture + ".json"));
        KommunMessage fromXml = parsed(OrderBody.fixture(fixture + ".xml"));

        assertThat(fromJson).isInstanceOf(recordClass).isEqualTo(fromXml);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fixtures")
    void writesTheBuilderXmlOfEachFixtureAsTheXsdWantsIt(String fixture, Class<?> recordClass) {
        OrderBody body = OrderBody.of(fixture + ".json");

        assertThat(parsed(body.xml())).isEqualTo(parsed(body.json()));
    }

    @Test
    void readsEveryMemberOfTheReturn() {
        assertThat(parsed(OrderBody.fixture("messages/return-valid.xml"))).isEqualTo(new ReturnMessage(
                MessageType.RETURN, "1480-2026-R-000045", "1480", OffsetDateTime.parse("2026-11-24T08:30:00+01:00"),
                ORDERER, "K1480-01", "B1480-01", List.of("IND-000123", "IND-000124"), ReturnReason.NEED_ENDED,
                new Pickup(new Address("c/o Tolvansson", "Exempelgatan 12", "412 63", "Göteborg"), CONTACT),
                "Portkod 1234 & ring på."));
    }

    @Test
    void readsEveryMemberOfTheBufferWithdrawal() {
        assertThat(parsed(OrderBody.fixture("messages/buffer-withdrawal-valid.xml"))).isEqualTo(
                new BufferWithdrawalMessage(MessageType.BUFFER_WITHDRAWAL, "1480-2026-000777", "1480",
                        OffsetDateTime.parse("2026-11-23T10:15:00+01:00"), ORDERER, "K1480-01", "B1480-01",
                        "DEV-000042", "DA-1001",
                        new Recipient("19121212-1212", "Tolvan Tolvansson", IdentityProtection.NONE,
                                new Guardian("Fiktiv Godman", "070-000 00 00")),
                        new Decision("BES-2026-0077", OrderProcess.EXECUTION, LocalDate.parse("2026-11-20")),
                        true, true, OffsetDateTime.parse("2026-11-23T09:40:00+01:00")));
    }

    @Test
    void readsEveryMemberOfTheFaultReport() {
        assertThat(parsed(OrderBody.fixture("messages/fault-report-valid.xml"))).isEqualTo(new FaultReportMessage(
                MessageType.FAULT_REPORT, "1480-2026-F-000007", "1480",
                OffsetDateTime.parse("2026-11-25T13:05:00+01:00"),
                new Orderer("at-4711", "Fiktiva Arbetsterapeut", "ARBETSTERAPEUT", "031-123 45 67", "556677-8899"),
                "K1480-01", "B1480-01", "IND-000123", "DA-1001",
                "Skärmen släcks efter några minuter & laddaren blir mycket varm.", true, true,
                new DeviceLocation(new Address(null, "Exempelgatan 12", "41263", "Göteborg")), CONTACT));
    }

    @Test
    void readsEveryMemberOfTheIncidentReport() {
        assertThat(parsed(OrderBody.fixture("messages/incident-report-valid.xml"))).isEqualTo(new IncidentReportMessage(
                MessageType.INCIDENT_REPORT, "1480-2026-I-000002", "1480",
                OffsetDateTime.parse("2026-11-26T09:00:00+01:00"),
                new Reporter("Göteborgs Stad, Hemsjukvård Centrum (fiktiv)", "Fiktiv Sjuksköterska", "MAS",
                        "031-111 22 33", "mas@example.se"),
                LocalDate.of(2026, 11, 24),
                "Laddaren blev mycket varm & brännmärken syntes på bordet; brukaren fick en lätt brännskada på handen.",
                Consequence.INJURY,
                new IncidentDevice("Fiktiv Talapparat", "Testtillverkaren AB", "TA-2", "DA-1001", "LOT-2025-117",
                        "07350012345679", "IND-000123", true),
                true, new Patient(84, PatientSex.FEMALE),
                "Apparaten togs ur bruk och ersattes; leverantören är underrättad."));
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void acceptsALostDeviceWithoutPickup(BodyFormat format) {
        OrderBody body = OrderBody.of(RETURN).with("reason", "LOST").without("pickup").without("note");

        ReturnMessage lost = (ReturnMessage) parsed(format == BodyFormat.JSON ? body.json() : body.xml());

        assertThat(lost.reason()).isEqualTo(ReturnReason.LOST);
        assertThat(lost.pickup()).isNull();
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void acceptsAnIncidentWithoutPatientOrOptionalDeviceDetails(BodyFormat format) {
        OrderBody body = OrderBody.of(INCIDENT_REPORT).without("patient").without("actionsTaken")
                .without("reporter.role").without("device.model").without("device.articleNumber")
                .without("device.serialOrLot").without("device.udiDi").without("device.deviceId");

        IncidentReportMessage report = (IncidentReportMessage) parsed(format == BodyFormat.JSON ? body.json()
                : body.xml());

        assertThat(report.patient()).isNull();
        assertThat(report.device().udiDi()).isNull();
        assertThat(report.device().medicalDevice()).isTrue();
    }

    static Stream<Arguments> invalidMessages() {
        List<String> manyDevices = IntStream.rangeClosed(1, 101).mapToObj(i -> "IND-" + i).toList();
        return Stream.of(
                invalid("return: deviceIds missing", RETURN, body -> body.without("deviceIds"), "deviceIds"),
                invalid("return: no deviceIds", RETURN, body -> body.with("deviceIds", List.of()), "deviceIds"),
                invalid("return: 101 deviceIds", RETURN, body -> body.with("deviceIds", manyDevices), "deviceIds"),
                invalid("return: an empty deviceId", RETURN, body -> body.with("deviceIds[1]", ""), "deviceIds[1]"),
                invalid("return: a deviceId of 33 characters", RETURN,
                        body -> body.with("deviceIds[0]", "D".repeat(33)), "deviceIds[0]"),
                invalid("return: reason missing", RETURN, body -> body.without("reason"), "reason"),
                invalid("return: unknown reason", RETURN, body -> body.with("reason", "BORED"), "reason"),
                invalid("return: pickup without contact", RETURN, body -> body.without("pickup.contact"),
                        "pickup.contact"),
                invalid("return: pickup postal code of letters", RETURN,
                        body -> body.with("pickup.address.postalCode", "ABCDE"), "pickup.address.postalCode"),
                invalid("return: an extra member of pickup", RETURN, body -> body.with("pickup.floor", "3"),
                        "pickup.floor"),
                invalid("return: orderer's role missing", RETURN, body -> body.without("orderer.role"),
                        "orderer.role"),
                invalid("fault report: deviceId missing", FAULT_REPORT, body -> body.without("deviceId"), "deviceId"),
                invalid("fault report: articleNumber missing", FAULT_REPORT, body -> body.without("articleNumber"),
                        "articleNumber"),
                invalid("fault report: description empty", FAULT_REPORT, body -> body.with("description", ""),
                        "description"),
                invalid("fault report: description of 2001 characters", FAULT_REPORT,
                        body -> body.with("description", "x".repeat(2001)), "description"),
                invalid("fault report: outOfService missing", FAULT_REPORT, body -> body.without("outOfService"),
                        "outOfService"),
                invalid("fault report: injuryOrRisk not a boolean", FAULT_REPORT,
                        body -> body.with("injuryOrRisk", "yes"), "injuryOrRisk"),
                invalid("fault report: location without address", FAULT_REPORT,
                        body -> body.without("location.address"), "location.address"),
                invalid("fault report: contact missing", FAULT_REPORT, body -> body.without("contact"), "contact"),
                invalid("incident: reporter's email missing", INCIDENT_REPORT,
                        body -> body.without("reporter.email"), "reporter.email"),
                invalid("incident: reporter's email without @", INCIDENT_REPORT,
                        body -> body.with("reporter.email", "mas.example.se"), "reporter.email"),
                invalid("incident: eventDate a day that does not exist", INCIDENT_REPORT,
                        body -> body.with("eventDate", "2026-02-30"), "eventDate"),
                invalid("incident: unknown consequence", INCIDENT_REPORT,
                        body -> body.with("consequence", "MINOR"), "consequence"),
                invalid("incident: device's manufacturer missing", INCIDENT_REPORT,
                        body -> body.without("device.manufacturer"), "device.manufacturer"),
                invalid("incident: medicalDevice missing", INCIDENT_REPORT,
                        body -> body.without("device.medicalDevice"), "device.medicalDevice"),
                invalid("incident: udiDi of 65 characters", INCIDENT_REPORT,
                        body -> body.with("device.udiDi", "0".repeat(65)), "device.udiDi"),
                invalid("incident: deviceKeptForInvestigation missing", INCIDENT_REPORT,
                        body -> body.without("deviceKeptForInvestigation"), "deviceKeptForInvestigation"),
                invalid("incident: patient aged 131", INCIDENT_REPORT, body -> body.with("patient.age", 131),
                        "patient.age"),
                invalid("incident: patient aged -1", INCIDENT_REPORT, body -> body.with("patient.age", -1),
                        "patient.age"),
                invalid("incident: patient's sex missing", INCIDENT_REPORT, body -> body.without("patient.sex"),
                        "patient.sex"),
                invalid("incident: unknown sex", INCIDENT_REPORT, body -> body.with("patient.sex", "F"),
                        "patient.sex"),
                invalid("incident: patient's name", INCIDENT_REPORT,
                        body -> body.with("patient.name", "Tolvan Tolvansson"), "patient.name"),
                invalid("incident: actionsTaken of 4001 characters", INCIDENT_REPORT,
                        body -> body.with("actionsTaken", "x".repeat(4001)), "actionsTaken"));
    }

    private static Arguments invalid(String name, String fixture, UnaryOperator<OrderBody> change, String field) {
        return arguments(named(name, (Supplier<OrderBody>) () -> change.apply(OrderBody.of(fixture))),
                field);
    }

    @ParameterizedTest(name = "JSON: {0}")
    @MethodSource("invalidMessages")
    void rejectsAnInvalidJsonMessageNamingTheField(Supplier<OrderBody> body, String field) {
        assertRejectedOnlyFor(PARSER.parse(body.get().json(), null), field);
    }

    @ParameterizedTest(name = "XML: {0}")
    @MethodSource("invalidMessages")
    void rejectsAnInvalidXmlMessageNamingTheSameField(Supplier<OrderBody> body, String field) {
        assertRejectedOnlyFor(PARSER.parse(body.get().xml(), null), field);
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void refusesAPatientIdentityWithoutRepeatingIt(BodyFormat format) {
        OrderBody body = OrderBody.of(INCIDENT_REPORT).with("patient.personalIdentityNumber", "19121212-1212");

        ParseResult.Rejected rejected = rejected(PARSER.parse(format == BodyFormat.JSON ? body.json() : body.xml(),
                null));

        assertThat(rejected.errors()).containsExactly(ContractError.of(ErrorCode.SCHEMA_INVALID,
                "patient.personalIdentityNumber", "is not part of the contract"));
        assertThat(rejected.type()).isEqualTo(MessageType.INCIDENT_REPORT);
    }

    @ParameterizedTest
    @EnumSource(BodyFormat.class)
    void reportsEveryMissingMemberOfAReturnAtOnce(BodyFormat format) {
        OrderBody body = OrderBody.of(RETURN).without("customerNumber").without("reason")
                .without("pickup.address.city").without("orderer.id");

        ParseResult.Rejected rejected = rejected(PARSER.parse(format == BodyFormat.JSON ? body.json() : body.xml(),
                null));

        assertThat(rejected.errors()).extracting(ContractError::field).containsExactlyInAnyOrder(
                "customerNumber", "reason", "pickup.address.city", "orderer.id");
    }

    private static void assertRejectedOnlyFor(ParseResult result, String field) {
        ParseResult.Rejected rejected = rejected(result);
        assertThat(rejected.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.SCHEMA_INVALID);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).doesNotContain("Tolvan", "19121212");
        });
    }

    private static KommunMessage parsed(byte[] body) {
        ParseResult result = PARSER.parse(body, null);
        assertThat(result).as("parse result").isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).message();
    }

    private static ParseResult.Rejected rejected(ParseResult result) {
        assertThat(result).as("parse result").isInstanceOf(ParseResult.Rejected.class);
        return (ParseResult.Rejected) result;
    }
}
