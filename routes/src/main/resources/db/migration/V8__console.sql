-- The console's overview: each municipality's newest message, one index lookup per municipality that sent nothing
-- in the last day. (Its count of the supplier events of the last hour and day uses V7's ix_supplier_event_received.)
create index ix_tracked_message_kommun_received on tracked_message (kommun_code, received_at);
