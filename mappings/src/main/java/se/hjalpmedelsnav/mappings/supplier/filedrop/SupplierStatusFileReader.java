package se.hjalpmedelsnav.mappings.supplier.filedrop;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import se.hjalpmedelsnav.mappings.peppol.PeppolResponseReader;
import se.hjalpmedelsnav.mappings.peppol.SupplierOrderUpdate;
import se.hjalpmedelsnav.mappings.supplier.SupplierEvent;
import se.hjalpmedelsnav.mappings.supplier.SupplierEventType;
import se.hjalpmedelsnav.mappings.supplier.SupplierOrderStatus;

/**
 * Turns one status file from the supplier's file drop into the same {@link SupplierEvent} the webhook
 * takes: a Peppol {@code OrderResponse} or {@code DespatchAdvice} for an order, or the hub's own
 * {@code returnStatus} / {@code faultReportStatus} ({@link SupplierFileDropXml}).
 *
 * <p>The event's id is a digest of the file's bytes: the same file read twice (written again, or read
 * again after a crash) is the same event, which the hub passes on once.
 *
 * <p>A file that is not one of these documents is refused with an {@link IllegalArgumentException}
 * saying where or what is missing, never quoting the file.
 */
public final class SupplierStatusFileReader {

    private final PeppolResponseReader peppol = new PeppolResponseReader();
    private final SupplierFileDropXml own = new SupplierFileDropXml();

    /**
     * The event in the file, or empty for one that carries no news (an OrderResponse AB, "received,
     * not decided yet").
     *
     * @param readAt when the file was read: the time of an order event, which UBL does not date precisely
     */
    public Optional<SupplierEvent> read(byte[] document, OffsetDateTime readAt) {
        Objects.requireNonNull(document, "document");
        String eventId = eventId(document);
        if (SupplierFileDropXml.isOwnDocument(document)) {
            return Optional.of(own.readStatus(document, eventId));
        }
        return peppol.read(document).map(update -> orderEvent(update, eventId, readAt));
    }

    private static SupplierEvent orderEvent(SupplierOrderUpdate update, String eventId, OffsetDateTime readAt) {
        SupplierOrderStatus status = SupplierOrderStatus.valueOf(update.status().name());
        // A change accepted by the supplier (CA) reaches the municipality as CONFIRMED; its note travels as reason.
        return new SupplierEvent(eventId, update.hubReference(), update.supplierOrderId(), null, null, null, null,
                SupplierEventType.ORDER_STATUS, status, update.deviceIds(), update.reason(), null, readAt);
    }

    /** "file-" and 59 hex digits of the SHA-256 of the bytes: 64 characters, the most an event id may have. */
    public static String eventId(byte[] document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document);
            return "file-" + HexFormat.of().formatHex(digest).substring(0, 59);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
