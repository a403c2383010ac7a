package se.hjalpmedelsnav.mappings.incident.report;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as PDFBox extracts it, runs of white space made one space so wrapped lines read as one. */
final class PdfText {

    private PdfText() {
    }

    static String of(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
