package se.hjalpmedelsnav.mappings.incident.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Consequence;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Device;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.IncidentReport;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Patient;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Reporter;
import se.hjalpmedelsnav.mappings.incident.report.lakemedelsverket.Sex;

/**
 * The report to Läkemedelsverket as a readable PDF, in Swedish, for the person who enters it in the
 * authority's web form. It is drawn from the same content as {@link LakemedelsverketReportWriter}'s XML.
 *
 * <p>Helvetica in WinAnsiEncoding covers the Swedish letters, so no font is embedded; a character outside
 * that encoding is printed as {@code ?} rather than failing the report.
 */
public final class LakemedelsverketReportPdf {

    public static final String TITLE = "Rapport om negativ händelse eller tillbud med medicinteknisk produkt";

    private final LakemedelsverketReportWriter content = new LakemedelsverketReportWriter();

    /** The report as PDF bytes, A4, one or more pages. */
    public byte[] render(IncidentReportMessage message, String hubReference, String municipalityName,
            LocalDate reportDate) {
        IncidentReport report = content.toReport(message, hubReference, municipalityName, reportDate);
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setSubject("Rapport till Läkemedelsverket, referens " + report.getReportReference());
            document.getDocumentCatalog().setLanguage("sv-SE");
            try (PageLayout layout = new PageLayout(document)) {
                write(report, layout);
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the Läkemedelsverket incident report", e);
        }
    }

    private static void write(IncidentReport report, PageLayout page) throws IOException {
        page.title(TITLE);
        page.line("Till Läkemedelsverket enligt HSLF-FS 2021:52, 5 kap.");
        page.field("Referens", report.getReportReference());
        page.field("Rapportdatum", date(report.getReportDate()));

        Reporter reporter = report.getReporter();
        page.heading("1. Rapportör");
        page.field("Vårdgivare", reporter.getHealthcareProvider());
        page.field("Kommunkod", reporter.getMunicipalityCode());
        page.field("Enhet", reporter.getOrganisation());
        page.field("Namn", reporter.getName());
        page.field("Roll", reporter.getRole());
        page.field("Telefon", reporter.getPhone());
        page.field("E-post", reporter.getEmail());

        page.heading("2. Händelse");
        page.field("Datum för händelsen", date(report.getEvent().getDate()));
        page.field("Konsekvens", consequence(report.getEvent().getConsequence()));
        page.text("Beskrivning av händelsen", report.getEvent().getDescription());

        Device device = report.getDevice();
        page.heading("3. Produkt");
        page.field("Produktnamn", device.getName());
        page.field("Tillverkare", device.getManufacturer());
        page.field("Modell", device.getModel());
        page.field("Artikelnummer", device.getArticleNumber());
        page.field("Serie- eller lotnummer", device.getSerialOrLot());
        page.field("UDI-DI", device.getUdiDi());
        page.field("Individnummer", device.getDeviceId());
        page.field("Medicinteknisk produkt", yesNo(device.isMedicalDevice()));
        page.field("Sparad för utredning", yesNo(device.isKeptForInvestigation()));

        page.heading("4. Patient");
        Patient patient = report.getPatient();
        if (patient == null) {
            page.line("Ingen patient berördes.");
        } else {
            page.field("Ålder", patient.getAge() == null ? "Okänd" : patient.getAge() + " år");
            page.field("Kön", sex(patient.getSex()));
        }
        page.line("Patientens identitet lämnas inte ut; endast ålder och kön anges.");

        page.heading("5. Vidtagna åtgärder");
        page.paragraph(report.getActionsTaken() == null ? "Inga angivna." : report.getActionsTaken());
    }

    static String consequence(Consequence consequence) {
        return switch (consequence) {
            case DEATH -> "Dödsfall";
            case SERIOUS_INJURY -> "Allvarlig försämring av hälsotillståndet";
            case INJURY -> "Skada";
            case NO_INJURY -> "Ingen skada";
            case NEAR_MISS -> "Tillbud (kunde ha lett till skada)";
        };
    }

    static String sex(Sex sex) {
        return switch (sex) {
            case FEMALE -> "Kvinna";
            case MALE -> "Man";
            case OTHER -> "Annat";
            case UNKNOWN -> "Okänt";
        };
    }

    private static String yesNo(boolean value) {
        return value ? "Ja" : "Nej";
    }

    private static String date(XMLGregorianCalendar date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay()).toString();
    }

    /** Lays text out top to bottom on A4 pages, wrapping lines and starting a new page when one is full. */
    private static final class PageLayout implements AutoCloseable {

        private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private static final float MARGIN = 56;
        private static final float LABEL_WIDTH = 150;
        private static final float BODY_SIZE = 10;

        private final PDDocument document;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        PageLayout(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void title(String text) throws IOException {
            for (String line : wrap(text, BOLD, 15, width)) {
                show(line, BOLD, 15, MARGIN, 20);
            }
            y -= 6;
        }

        void heading(String text) throws IOException {
            y -= 10;
            show(text, BOLD, 12, MARGIN, 17);
        }

        void line(String text) throws IOException {
            paragraph(text);
        }

        /** A label and its value on one row; an absent value is left out, as in the XML. */
        void field(String label, String value) throws IOException {
            if (value == null) {
                return;
            }
            List<String> lines = wrap(value, REGULAR, BODY_SIZE, width - LABEL_WIDTH);
            ensureRoom(14);
            stream.beginText();
            stream.setFont(BOLD, BODY_SIZE);
            stream.newLineAtOffset(MARGIN, y - BODY_SIZE);
            stream.showText(encodable(label, BOLD));
            stream.endText();
            for (String line : lines) {
                show(line, REGULAR, BODY_SIZE, MARGIN + LABEL_WIDTH, 14);
            }
        }

        /** A label over a free text that may run to several lines. */
        void text(String label, String value) throws IOException {
            show(label, BOLD, BODY_SIZE, MARGIN, 14);
            paragraph(value);
        }

        void paragraph(String text) throws IOException {
            for (String part : text.split("\\R", -1)) {
                for (String line : wrap(part, REGULAR, BODY_SIZE, width)) {
                    show(line, REGULAR, BODY_SIZE, MARGIN, 14);
                }
            }
        }

        private void show(String text, PDType1Font font, float size, float x, float leading) throws IOException {
            ensureRoom(leading);
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, y - size);
            stream.showText(text);
            stream.endText();
            y -= leading;
        }

        private void ensureRoom(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** Greedy word wrap; a word wider than the line is split where it has to be. */
        private static List<String> wrap(String text, PDType1Font font, float size, float maxWidth)
                throws IOException {
            String clean = encodable(text, font);
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : clean.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(candidate, font, size) <= maxWidth) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                for (int i = 0; i < word.length(); i++) {
                    if (width(line.toString() + word.charAt(i), font, size) > maxWidth && !line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(word.charAt(i));
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static float width(String text, PDType1Font font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Control characters become spaces, and what WinAnsiEncoding cannot show becomes {@code ?}. */
        private static String encodable(String text, PDType1Font font) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(codePoint -> {
                if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
                    out.append(' ');
                    return;
                }
                String character = new String(Character.toChars(codePoint));
                try {
                    font.encode(character);
                    out.append(character);
                } catch (IllegalArgumentException | IOException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
