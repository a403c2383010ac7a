-- The console's overview: each municipality's newest message (one index lookup per municipality that sent nothing
-- in the last day) and the supplier events passed on in the last hour and day.
create index ix_tracked_message_kommun_received on tracked_message (kommun_code, received_at);
create index ix_supplier_event_received on supplier_event (received_at);
