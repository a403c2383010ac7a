package se.hjalpmedelsnav.mappings.incident.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.HUB_REFERENCE;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.MUNICIPALITY_NAME;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.REPORT_DATE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.IncidentReport;

/**
 * The patient's identity never leaves the hub: not through the report to Läkemedelsverket (XML or PDF)
 * nor through the manufacturer's copy, and none of the models has a field that could carry it.
 */
class NoPatientIdentityLeavesTest {

    /** A personnummer or samordningsnummer in any of its written forms, not part of a longer run of digits. */
    private static final Pattern PERSONAL_IDENTITY_NUMBER = Pattern.compile("(?<![0-9])[0-9]{6,8}[-+]?[0-9]{4}(?![0-9])");
    private static final String FICTIONAL_PATIENT_NAME = "Tolvan Tolvansson";
    private static final String FICTIONAL_PERSONAL_IDENTITY_NUMBER = "19121212-1212";
    /** Words that would name a field for identity, in the model's English or in Swedish. */
    private static final Pattern IDENTITY_FIELD = Pattern.compile(
            "(?i)(ssn|.*(personnummer|personal.?identity|identityNumber|birth|fodelse|first.?name|last.?name|"
                    + "given.?name|family.?name|surname|patient.?name|address|adress|postal).*)");

    /**
     * The municipality's own message id is its reference to its case and is not carried: put a patient's
     * name and personnummer there and neither may surface.
     */
    private static final IncidentReportMessage MESSAGE = IncidentReports.withMessageId(
            "arende " + FICTIONAL_PATIENT_NAME + " " + FICTIONAL_PERSONAL_IDENTITY_NUMBER);

    static Stream<Arguments> outputs() {
        return Stream.<Arguments>of(
                Arguments.of("XML to Läkemedelsverket", (Function<IncidentReportMessage, String>) message ->
                        new LakemedelsverketReportWriter().toXml(message, HUB_REFERENCE, MUNICIPALITY_NAME,
                                REPORT_DATE)),
                Arguments.of("PDF to Läkemedelsverket", (Function<IncidentReportMessage, String>) message ->
                        pdfText(new LakemedelsverketReportPdf().render(message, HUB_REFERENCE, MUNICIPALITY_NAME,
                                REPORT_DATE))),
                Arguments.of("manufacturer's copy", (Function<IncidentReportMessage, String>) message ->
                        ManufacturerIncidentReport.from(message, HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE)
                                .toJson()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void carriesNoPersonalIdentityNumber(String output, Function<IncidentReportMessage, String> write) {
        String written = write.apply(MESSAGE);

        assertThat(PERSONAL_IDENTITY_NUMBER.matcher(written).find()).as(output).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void carriesNoPatientName(String output, Function<IncidentReportMessage, String> write) {
        assertThat(write.apply(MESSAGE)).as(output).doesNotContain(FICTIONAL_PATIENT_NAME).doesNotContain("Tolvan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void carriesThePatientsAgeAndTheReporter(String output, Function<IncidentReportMessage, String> write) {
        // The guard: the outputs above are real reports, not empty ones that trivially hold no identity.
        assertThat(write.apply(MESSAGE)).as(output).contains("84", IncidentReports.valid().reporter().name());
    }

    @Test
    void thePatternUsedHereFindsAPersonalIdentityNumberInEachWrittenForm() {
        assertThat(Stream.of("191212121212", "19121212-1212", "121212-1212", "121212+1212", "1212121212"))
                .allMatch(number -> PERSONAL_IDENTITY_NUMBER.matcher("x " + number + " x").find());
        assertThat(PERSONAL_IDENTITY_NUMBER.matcher("07350012345679").find()).as("a 14-digit UDI-DI").isFalse();
    }

    @ParameterizedTest
    @ValueSource(classes = {IncidentReportMessage.class, ManufacturerIncidentReport.class, IncidentReport.class})
    void modelHasNoFieldForIdentity(Class<?> model) {
        assertThat(fieldNamesReachableFrom(model)).isNotEmpty().noneMatch(name -> IDENTITY_FIELD.matcher(name).matches());
    }

    @Test
    void thePatientIsOnlyAgeAndSexInEveryModel() {
        assertThat(componentNames(Patient.class)).containsExactly("age", "sex");
        assertThat(componentNames(ManufacturerIncidentReport.PatientInformation.class)).containsExactly("age", "sex");
        assertThat(instanceFieldNames(se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Patient.class))
                .containsExactly("age", "sex");
    }

    @Test
    void theIdentityFieldPatternWouldCatchTheUsualNames() {
        assertThat(List.of("personalIdentityNumber", "personnummer", "patientName", "firstName", "dateOfBirth",
                "streetAddress", "ssn")).allMatch(name -> IDENTITY_FIELD.matcher(name).matches());
    }

    /** The names of every field of {@code root} and of every project type it holds, transitively. */
    private static Set<String> fieldNamesReachableFrom(Class<?> root) {
        Set<String> names = new HashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type) || !type.getName().startsWith("se.hjalpmedelsnav.")) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                names.add(field.getName());
                todo.push(field.getType());
            }
            if (type.isEnum()) {
                Arrays.stream(type.getEnumConstants()).map(Object::toString).forEach(names::add);
            }
        }
        return names;
    }

    private static List<String> componentNames(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> instanceFieldNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName)
                .toList();
    }

    private static String pdfText(byte[] pdf) {
        try {
            return PdfText.of(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
