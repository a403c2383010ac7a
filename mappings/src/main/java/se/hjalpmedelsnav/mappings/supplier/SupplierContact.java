package se.hjalpmedelsnav.mappings.supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import se.hjalpmedelsnav.mappings.order.Contact;

/** A person the supplier may contact: a guardian, or whoever receives a delivery. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SupplierContact(String name, String phone) {

    /** The supplier's copy of a municipality's contact; null for null. */
    static SupplierContact of(Contact contact) {
        return contact == null ? null : new SupplierContact(contact.name(), contact.phone());
    }

    @Override
    public String toString() {
        return "SupplierContact[redacted]";
    }
}
