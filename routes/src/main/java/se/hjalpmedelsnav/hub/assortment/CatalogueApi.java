package se.hjalpmedelsnav.hub.assortment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.hjalpmedelsnav.mappings.peppol.CatalogueReader;
import se.hjalpmedelsnav.mappings.peppol.CatalogueRefused;
import se.hjalpmedelsnav.mappings.supplier.filedrop.SupplierStatusFileReader;

/**
 * The supplier pushes a Peppol BIS Catalogue without response 3 (the XML as the body), authenticated as for its
 * events (SUPPLIER role): the same path as a catalogue in the inbox ({@link CatalogueFiles}). The answer: 200
 * {@code APPLIED} with the new version and its counts, 200 {@code ALREADY_APPLIED} for the same bytes again, 422
 * {@code REFUSED} with the refusal's stable code and reason (no value of the file), 413 {@code FILE_TOO_LARGE}.
 */
@RestController
public class CatalogueApi {

    static final String PATH = "/api/supplier/catalogues";

    private final CatalogueFiles catalogues;

    public CatalogueApi(CatalogueFiles catalogues) {
        this.catalogues = catalogues;
    }

    @PostMapping(path = PATH, consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> push(HttpServletRequest request) throws IOException {
        int maxBytes = CatalogueReader.DEFAULT_MAX_BYTES;
        // Checked on the stream itself: a chunked request has no Content-Length, and one may lie.
        byte[] body = request.getContentLengthLong() > maxBytes ? null
                : request.getInputStream().readNBytes(maxBytes + 1);
        if (body == null || body.length > maxBytes) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, "REFUSED", "code", CatalogueRefused.FILE_TOO_LARGE,
                    "reason", "the catalogue is larger than " + maxBytes + " bytes");
        }
        // Recorded as the version's file: where it came from and the first characters of its digest.
        String name = "api-" + SupplierStatusFileReader.eventId(body).substring(5, 17) + ".xml";
        Optional<AssortmentStore.Version> applied;
        try {
            applied = catalogues.apply(body, name);
        } catch (CatalogueRefused refused) {
            return answer(HttpStatus.UNPROCESSABLE_ENTITY, "REFUSED", "code", refused.code(),
                    "reason", refused.getMessage());
        }
        if (applied.isEmpty()) {
            return answer(HttpStatus.OK, "ALREADY_APPLIED");
        }
        AssortmentStore.Version version = applied.get();
        return answer(HttpStatus.OK, "APPLIED", "version", version.version(), "added", version.added(),
                "updated", version.updated(), "withdrawn", version.withdrawn());
    }

    /** The answer's body: its status, then the details as name, value, name, value, in that order. */
    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String outcome, Object... details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", outcome);
        for (int i = 0; i + 1 < details.length; i += 2) {
            body.put((String) details[i], details[i + 1]);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
