package se.hjalpmedelsnav.mappings.incident.report;

import static org.assertj.core.api.Assertions.assertThat;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.HUB_REFERENCE;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.MUNICIPALITY_NAME;
import static se.hjalpmedelsnav.mappings.incident.report.IncidentReports.REPORT_DATE;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.hjalpmedelsnav.mappings.incident.Consequence;
import se.hjalpmedelsnav.mappings.incident.IncidentReportMessage;
import se.hjalpmedelsnav.mappings.incident.Patient;
import se.hjalpmedelsnav.mappings.incident.PatientSex;

class LakemedelsverketReportPdfTest {

    private final LakemedelsverketReportPdf pdf = new LakemedelsverketReportPdf();

    @Test
    void showsTheSwedishHeadingsAndTheFormsContent() throws IOException {
        String text = text(IncidentReports.valid());

        assertThat(text).contains(
                "Rapport om negativ händelse eller tillbud med medicinteknisk",
                "1. Rapportör", "2. Händelse", "3. Produkt", "4. Patient", "5. Vidtagna åtgärder",
                HUB_REFERENCE, "2026-03-02", MUNICIPALITY_NAME, "Hemsjukvård Väster (fiktiv)",
                "2026-03-01", "Skada", "lätt brännskada på handen",
                "Fiktiv Talapparat", "Testtillverkaren AB", "LOT-2025-117", "07350012345679", "IND-000123",
                "Sparad för utredning", "84 år", "Kvinna", "Apparaten togs ur bruk och ersattes.");
    }

    @Test
    void isASearchablePdfInSwedishWithATitle() throws IOException {
        try (PDDocument document = Loader.loadPDF(render(IncidentReports.valid()))) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(LakemedelsverketReportPdf.TITLE);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv-SE");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "DEATH,          Dödsfall",
        "SERIOUS_INJURY, Allvarlig försämring av hälsotillståndet",
        "INJURY,         Skada",
        "NO_INJURY,      Ingen skada",
        "NEAR_MISS,      Tillbud (kunde ha lett till skada)",
    })
    void namesTheConsequenceInSwedish(Consequence consequence, String swedish) throws IOException {
        assertThat(text(IncidentReports.withConsequence(consequence))).contains("Konsekvens " + swedish);
    }

    @ParameterizedTest
    @CsvSource({
        "FEMALE,  Kvinna",
        "MALE,    Man",
        "OTHER,   Annat",
        "UNKNOWN, Okänt",
    })
    void namesThePatientsSexInSwedish(PatientSex sex, String swedish) throws IOException {
        assertThat(text(IncidentReports.withPatient(new Patient(7, sex)))).contains("Kön " + swedish, "Ålder 7 år");
    }

    @Test
    void saysSoWhenNoPatientWasInvolved() throws IOException {
        assertThat(text(IncidentReports.withPatient(null))).contains("Ingen patient berördes.").doesNotContain("Kön");
    }

    @Test
    void rendersSwedishLettersInBothCases() throws IOException {
        String text = text(IncidentReports.withTexts("Åsa såg att hjulet på rullstolen lossnade: ÄÖÅ äöå é ü.",
                "Återkallad."));

        assertThat(text).contains("Åsa såg att hjulet på rullstolen lossnade: ÄÖÅ äöå é ü.", "Återkallad.");
    }

    @Test
    void printsACharacterTheFontCannotShowAsAQuestionMarkInsteadOfFailing() throws IOException {
        String text = text(IncidentReports.withTexts("Larmet gick → ingen reaktion ✓", null));

        assertThat(text).contains("Larmet gick ? ingen reaktion ?");
    }

    @Test
    void wrapsALongDescriptionOntoFurtherPagesWithoutLosingText() throws IOException {
        String sentence = "Laddaren blev varm och brukaren märkte det först efter en stund. ";
        String description = sentence.repeat(60) + "Slutet på beskrivningen.";
        byte[] bytes = render(IncidentReports.withTexts(description, "Åtgärd efter sidbrytning."));

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Slutet på beskrivningen.", "Åtgärd efter sidbrytning.");
            assertThat(text.split("först efter en stund", -1)).hasSize(61);
        }
    }

    private byte[] render(IncidentReportMessage message) {
        return pdf.render(message, HUB_REFERENCE, MUNICIPALITY_NAME, REPORT_DATE);
    }

    private String text(IncidentReportMessage message) throws IOException {
        return PdfText.of(render(message));
    }
}
