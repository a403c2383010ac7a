package se.hjalpmedelsnav.hub.loans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.hjalpmedelsnav.hub.tracking.TestDatabases;
import se.hjalpmedelsnav.hub.tracking.TestDatabases.TestDatabase;
import se.hjalpmedelsnav.hub.tracking.TrackedMessage;
import se.hjalpmedelsnav.hub.tracking.TrackingStatus;
import se.hjalpmedelsnav.hub.tracking.TrackingStore;
import se.hjalpmedelsnav.mappings.message.KommunMessageMappers;
import se.hjalpmedelsnav.mappings.message.MessageType;
import se.hjalpmedelsnav.mappings.order.Decision;
import se.hjalpmedelsnav.mappings.order.OrderLine;
import se.hjalpmedelsnav.mappings.order.OrderMessage;
import se.hjalpmedelsnav.mappings.order.OrderProcess;
import se.hjalpmedelsnav.mappings.order.Recipient;
import se.hjalpmedelsnav.mappings.order.IdentityProtection;
import se.hjalpmedelsnav.mappings.returns.ReturnMessage;
import se.hjalpmedelsnav.mappings.returns.ReturnReason;
import se.hjalpmedelsnav.mappings.fault.FaultReportMessage;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierFaultReportStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;
import se.hjalpmedelsnav.mappings.supplier.SupplierReturnStatus;

/**
 * The loan register from each kind of supplier event, on every database the hub runs on (H2 always, PostgreSQL with
 * -Dnav.test.postgres.url): what a municipality's question then finds, that a redelivered event doubles nothing, that
 * two hubs on one database keep one register, and that an H2 file keeps it across a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanRegisterDatabaseTest {

    private static final ObjectMapper JSON = KommunMessageMappers.json();
    /** Fictional, valid check digits. */
    private static final String USER = "19121212-1212";
    private static final String OTHER_USER = "19800101-0001";
    private static final OffsetDateTime SENT = OffsetDateTime.parse("2026-11-23T10:15:00+01:00");
    private static final Clock CLOCK = Clock.fixed(SENT.toInstant(), ZoneId.of("Europe/Stockholm"));

    private final List<TestDatabase> databases = TestDatabases.all();
    private final UserPseudonym pseudonym = new UserPseudonym("a-test-secret-of-more-than-32-characters");

    List<TestDatabase> databases() {
        return databases;
    }

    @AfterAll
    void dropSchemas() {
        databases.forEach(db -> db.drop().run());
    }

    /** One hub's view of the database: its tracking store, its register, and the step of its supplier-events stage. */
    private record Hub(TrackingStore tracking, LoanRegister register, LoanOrigins origins, LoanEvents events) {
    }

    private Hub hubOn(javax.sql.DataSource dataSource) {
        var jdbc = new JdbcTemplate(dataSource);
        var tracking = new TrackingStore(jdbc);
        var register = new LoanRegister(jdbc);
        return new Hub(tracking, register, new LoanOrigins(register, pseudonym), new LoanEvents(tracking, register, CLOCK));
    }

    /** What the intake does with an accepted message: its tracking row and its origin, in one transaction. */
    private static String accept(Hub hub, se.hjalpmedelsnav.mappings.message.KommunMessage message,
            String customerNumber) {
        String hubReference = UUID.randomUUID().toString();
        var tracked = new TrackedMessage(hubReference, message.kommunCode(), message.messageId(),
                message.type().name(), customerNumber, TrackingStatus.ACCEPTED, "{}", SENT);
        assertThat(hub.tracking().recordIfAbsent(tracked, null,
                () -> hub.origins().accepted(message, hubReference, SENT))).isTrue();
        return hubReference;
    }

    private static OrderMessage order(String kommun, String user, String decision, List<OrderLine> lines) {
        return new OrderMessage(MessageType.ORDER, "o-" + UUID.randomUUID(), kommun, SENT, null, "KN-" + kommun,
                "BN-" + kommun, new Decision(decision, OrderProcess.AUTHORITY, LocalDate.of(2026, 11, 20),
                        LocalDate.of(2028, 11, 19), LocalDate.of(2027, 11, 20)),
                new Recipient(user, "Fiktiv Person", IdentityProtection.SKYDDAD_FOLKBOKFORING, null), null, true, true,
                lines, null);
    }

    private static ReturnMessage returnOf(String kommun, ReturnReason reason, String... devices) {
        return new ReturnMessage(MessageType.RETURN, "r-" + UUID.randomUUID(), kommun, SENT, null, "KN-" + kommun,
                "BN-" + kommun, List.of(devices), reason, null, null);
    }

    private static FaultReportMessage faultReport(String kommun, String device) {
        return new FaultReportMessage(MessageType.FAULT_REPORT, "f-" + UUID.randomUUID(), kommun, SENT, null,
                "KN-" + kommun, "BN-" + kommun, device, "HMN-1", "trasig", true, false, null, null);
    }

    private static String event(SupplierEvent event) throws Exception {
        return JSON.writeValueAsString(event);
    }

    private static SupplierEvent delivered(String order, String... devices) {
        return SupplierEvent.orderStatus(UUID.randomUUID().toString(), order, "S-1", SupplierOrderStatus.DELIVERED,
                List.of(devices), null, SENT.plusDays(3));
    }

    private List<Loan> ofUser(LoanRegister register, String kommun, String user) {
        String key = pseudonym.of(user, LocalDate.of(2026, 11, 23)).orElseThrow();
        return register.find(new LoanQuery(kommun, null, key, null, null));
    }

    private static String device() {
        return "IND-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aDeliveryLendsEachDeviceWithTheOrdersDecisionArticlesAndDatesAndTheUserIsFoundAgainByNumber(TestDatabase db)
            throws Exception {
        Hub hub = hubOn(db.dataSource());
        String first = device();
        String second = device();
        String third = device();
        String order = accept(hub, order("1480", USER, "BES-1", List.of(new OrderLine("HMN-1", 2),
                new OrderLine("HMN-2", 1))), "KN-1480");

        hub.events().record(event(delivered(order, first, second, third)));

        // the same person, written in another form, finds them; another person does not
        // (other tests lend to the same user on the same database: this order's loans)
        assertThat(ofUser(hub.register(), "1480", "121212+1212")).filteredOn(loan -> loan.hubReference().equals(order))
                .extracting(Loan::deviceId, Loan::articleNumber)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, "HMN-1"),
                        org.assertj.core.groups.Tuple.tuple(second, "HMN-1"),
                        org.assertj.core.groups.Tuple.tuple(third, "HMN-2"));
        assertThat(ofUser(hub.register(), "1480", OTHER_USER)).isEmpty();
        assertThat(hub.register().find(new LoanQuery("1480", null, null, "BES-1", null))).hasSize(3)
                .allSatisfy(loan -> {
                    assertThat(loan.hubReference()).isEqualTo(order);
                    assertThat(loan.state()).isEqualTo(LoanState.LENT);
                    assertThat(loan.customerNumber()).isEqualTo("KN-1480");
                    assertThat(loan.validTo()).isEqualTo(LocalDate.of(2028, 11, 19));
                    assertThat(loan.followUpDate()).isEqualTo(LocalDate.of(2027, 11, 20));
                    assertThat(loan.since().toInstant()).isEqualTo(SENT.plusDays(3).toInstant());
                });
        // another municipality asking by the same decision reference or device finds nothing
        assertThat(hub.register().find(new LoanQuery("1481", null, null, "BES-1", null))).isEmpty();
        assertThat(hub.register().find(new LoanQuery("1481", null, null, null, first))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRedeliveredEventDoublesNothingAndTwoHubsOnOneDatabaseKeepOneRegister(TestDatabase db) throws Exception {
        Hub one = hubOn(db.dataSource());
        Hub two = hubOn(db.dataSource());
        String lent = device();
        String order = accept(one, order("1480", USER, "BES-2", List.of(new OrderLine("HMN-1", 1))), "KN-1480");
        String deliveredEvent = event(delivered(order, lent));

        one.events().record(deliveredEvent);
        one.events().record(deliveredEvent);
        two.events().record(deliveredEvent);

        assertThat(two.register().find(new LoanQuery("1480", null, null, null, lent))).hasSize(1);
        String pickup = accept(one, returnOf("1480", ReturnReason.NEED_ENDED, lent), "KN-1480");
        String pickedUp = event(SupplierEvent.returnStatus(UUID.randomUUID().toString(), pickup, "SR-1",
                SupplierReturnStatus.PICKED_UP, SENT.plusDays(30)));
        two.events().record(pickedUp);
        one.events().record(pickedUp);

        assertThat(one.register().find(new LoanQuery("1480", null, null, null, lent))).singleElement()
                .satisfies(loan -> {
                    assertThat(loan.state()).isEqualTo(LoanState.RETURNED);
                    assertThat(loan.endedAt().toInstant()).isEqualTo(SENT.plusDays(30).toInstant());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLostDeviceIsLostAndAReplacedDeviceHandsItsLoanToTheNewOne(TestDatabase db) throws Exception {
        Hub hub = hubOn(db.dataSource());
        String lost = device();
        String faulty = device();
        String replacement = device();
        String order = accept(hub, order("1480", USER, "BES-3", List.of(new OrderLine("HMN-1", 2))), "KN-1480");
        hub.events().record(event(delivered(order, lost, faulty)));

        String lossReport = accept(hub, returnOf("1480", ReturnReason.LOST, lost), "KN-1480");
        hub.events().record(event(SupplierEvent.returnStatus(UUID.randomUUID().toString(), lossReport, "SR-2",
                SupplierReturnStatus.LOST_REGISTERED, SENT.plusDays(40))));
        String fault = accept(hub, faultReport("1480", faulty), "KN-1480");
        String replaced = event(SupplierEvent.faultReportStatus(UUID.randomUUID().toString(), fault, "SF-1",
                SupplierFaultReportStatus.DEVICE_REPLACED, List.of(replacement), SENT.plusDays(50)));
        hub.events().record(replaced);
        hub.events().record(replaced);

        assertThat(ofUser(hub.register(), "1480", USER)).filteredOn(loan -> loan.decisionReference().equals("BES-3"))
                .extracting(Loan::deviceId, Loan::state, Loan::hubReference)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(lost, LoanState.LOST, order),
                        org.assertj.core.groups.Tuple.tuple(faulty, LoanState.REPLACED, order),
                        org.assertj.core.groups.Tuple.tuple(replacement, LoanState.LENT, order));
        assertThat(hub.register().find(new LoanQuery("1480", null, null, null, replacement))).singleElement()
                .satisfies(loan -> {
                    assertThat(loan.decisionReference()).isEqualTo("BES-3");
                    assertThat(loan.articleNumber()).isEqualTo("HMN-1");
                    assertThat(loan.since().toInstant()).isEqualTo(SENT.plusDays(50).toInstant());
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anOrderTheSupplierTookOutsideTheHubLendsItsAgreedArticlesWithoutUserOrDecision(TestDatabase db)
            throws Exception {
        Hub hub = hubOn(db.dataSource());
        String agreementId = UUID.randomUUID().toString();
        String lent = device();
        var tracked = new TrackedMessage(agreementId, "1480", "agreement/" + agreementId, "ORDER", "KN-1480",
                TrackingStatus.REGISTERED_BY_SUPPLIER, "{}", SENT);
        hub.tracking().recordIfAbsent(tracked, null, () -> hub.register().recordOrigin(new LoanOrigin(agreementId,
                "1480", "ORDER", "KN-1480", null, null, null, null, List.of(new LoanOrigin.Line("HMN-7", 1)),
                List.of()), SENT));

        hub.events().record(event(delivered(agreementId, lent)));

        assertThat(hub.register().find(new LoanQuery("1480", "KN-1480", null, null, lent))).singleElement()
                .satisfies(loan -> {
                    assertThat(loan.articleNumber()).isEqualTo("HMN-7");
                    assertThat(loan.hubReference()).isEqualTo(agreementId);
                    assertThat(loan.decisionReference()).isNull();
                    assertThat(loan.userPseudonym()).isNull();
                });
        assertThat(hub.register().find(new LoanQuery("1480", "KN-OTHER", null, null, lent))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void followUpsAndReturnsDueAreTheLentLoansPastTheirDates(TestDatabase db) throws Exception {
        Hub hub = hubOn(db.dataSource());
        String lent = device();
        String order = accept(hub, order("1480", USER, "BES-4", List.of(new OrderLine("HMN-1", 1))), "KN-1480");
        hub.events().record(event(delivered(order, lent)));

        assertThat(hub.register().followUpsDue(LocalDate.of(2027, 11, 19))).extracting(Loan::deviceId)
                .doesNotContain(lent);
        assertThat(hub.register().followUpsDue(LocalDate.of(2027, 11, 20))).extracting(Loan::deviceId).contains(lent);
        assertThat(hub.register().returnsDue(LocalDate.of(2028, 11, 19))).extracting(Loan::deviceId)
                .doesNotContain(lent);
        assertThat(hub.register().returnsDue(LocalDate.of(2028, 11, 20))).extracting(Loan::deviceId).contains(lent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void noColumnOfTheRegisterHoldsTheIdentityNumberInAnyForm(TestDatabase db) throws Exception {
        Hub hub = hubOn(db.dataSource());
        String order = accept(hub, order("1480", USER, "BES-5", List.of(new OrderLine("HMN-1", 1))), "KN-1480");
        hub.events().record(event(delivered(order, device())));
        var jdbc = new JdbcTemplate(db.dataSource());

        for (String table : List.of("loan", "loan_origin")) {
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                // A boolean, so that a failure names the column and never prints the value.
                row.forEach((column, value) -> assertThat(List.of("191212121212", "19121212-1212", "121212-1212",
                        "1212121212").stream().anyMatch(String.valueOf(value)::contains))
                        .as("%s.%s holds an identity number", table, column).isFalse());
            }
        }
    }

    @Test
    void anH2FileKeepsTheRegisterAcrossARestart(@TempDir Path folder) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("hub").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String lent = device();
        var before = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(before).locations("classpath:db/migration").load().migrate();
        Hub first = hubOn(before);
        String order = accept(first, order("1480", USER, "BES-6", List.of(new OrderLine("HMN-1", 1))), "KN-1480");
        first.events().record(event(delivered(order, lent)));
        new JdbcTemplate(before).execute("shutdown");
        assertThat(Files.list(folder)).isNotEmpty();

        var after = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(after).locations("classpath:db/migration").load().migrate();
        Hub restarted = hubOn(after);

        assertThat(ofUser(restarted.register(), "1480", USER)).extracting(Loan::deviceId).containsExactly(lent);
        new JdbcTemplate(after).execute("shutdown");
    }
}
