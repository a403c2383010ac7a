package se.hjalpmedelsnav.mappings.registry;

import se.hjalpmedelsnav.mappings.order.Address;

/**
 * A unit's buffer store (bufferförråd): devices on the shelf for quick hand-out, and where its refills are delivered.
 *
 * @param autoRefill whether the hub orders a replacement for each device handed out of it (a BUFFER_WITHDRAWAL);
 *                   absent in the registry file means yes
 */
public record BufferStore(String careOf, String street, String postalCode, String city, Boolean autoRefill) {

    public Address address() {
        return new Address(careOf, street, postalCode, city);
    }

    public boolean refillsAutomatically() {
        return autoRefill == null || autoRefill;
    }

    /** A store at {@code address} that refills automatically. */
    public static BufferStore at(Address address) {
        return new BufferStore(address.careOf(), address.street(), address.postalCode(), address.city(), null);
    }

    @Override
    public String toString() {
        return "BufferStore[autoRefill=" + refillsAutomatically() + "]";
    }
}
