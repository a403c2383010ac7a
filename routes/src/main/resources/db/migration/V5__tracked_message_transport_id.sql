-- The broker's id of the message a receipt was recorded for. When the hub dies after recording a
-- receipt and before the broker committed it, the broker redelivers that same message (same id): it is
-- answered with its original receipt unflagged, since the municipality sent it once. A resend by the
-- municipality is a new message with a new id, and is flagged duplicate as before.
alter table tracked_message add column transport_message_id varchar(100);
