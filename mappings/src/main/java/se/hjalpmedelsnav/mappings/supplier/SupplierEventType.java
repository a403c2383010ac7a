package se.hjalpmedelsnav.mappings.supplier;

/** What a supplier event is about. Returns and fault reports will add their own types. */
public enum SupplierEventType {
    ORDER_STATUS
}
