-- When and how a message was handed to the supplier, kept apart from its status (which the supplier's events move
-- on): the console's Journey shows it. Set by the same update that marks the message SENT_TO_SUPPLIER. A channel
-- name and a time only: no personal data.
alter table tracked_message add column handed_to_supplier_at timestamp with time zone;
alter table tracked_message add column supplier_channel varchar(16);
