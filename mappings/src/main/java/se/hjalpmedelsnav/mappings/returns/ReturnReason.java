package se.hjalpmedelsnav.mappings.returns;

/** Why a device goes back to the supplier. */
public enum ReturnReason {
    /** The user's need has ended. */
    NEED_ENDED,
    /** Replaced by another device. */
    REPLACED,
    /** The user has died. */
    DECEASED,
    /** The device is faulty beyond what a fault report would fix. */
    FAULTY,
    OTHER,
    /** The device is lost: reported so the supplier can write it off; there is nothing to pick up. */
    LOST;

    /** Whether the supplier has something to fetch, and so needs a pickup address and contact. */
    public boolean needsPickup() {
        return this != LOST;
    }
}
