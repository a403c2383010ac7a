-- The broker's id of the message a supplier event was first recorded from. The record commits before the
-- event is passed on; when passing it on fails (or the hub dies before the broker's commit), the broker
-- redelivers that same message (same id) and the event is passed on again instead of being taken for a
-- repeat of the supplier's and dropped.
alter table supplier_event add column transport_message_id varchar(100);
