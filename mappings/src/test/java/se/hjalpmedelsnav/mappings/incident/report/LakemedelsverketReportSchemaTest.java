package se.hjalpmedelsnav.mappings.incident.report;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import se.hjalpmedelsnav.mappings.incident.report.LakemedelsverketReportSchema.ReportNotValidException;

class LakemedelsverketReportSchemaTest {

    private final LakemedelsverketReportSchema schema = new LakemedelsverketReportSchema();

    @Test
    void passesTheReportTheWriterProduces() {
        String xml = new LakemedelsverketReportWriter().toXml(IncidentReports.valid(), IncidentReports.HUB_REFERENCE,
                IncidentReports.MUNICIPALITY_NAME, IncidentReports.REPORT_DATE);

        assertThatCode(() -> schema.check(xml)).doesNotThrowAnyException();
    }

    @Test
    void refusesAReportThatBreaksTheSchemaWithoutQuotingIt() {
        String xml = new LakemedelsverketReportWriter().toXml(IncidentReports.valid(), IncidentReports.HUB_REFERENCE,
                IncidentReports.MUNICIPALITY_NAME, IncidentReports.REPORT_DATE)
                .replace("mas@example.se", "Tolvan Tolvansson");

        assertThatThrownBy(() -> schema.check(xml))
                .isInstanceOf(ReportNotValidException.class)
                .hasMessageContaining("line")
                .hasMessageNotContaining("Tolvan");
    }
}
