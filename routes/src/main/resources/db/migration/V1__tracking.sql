-- Every message a municipality sent that carried a readable messageId, with the receipt it got.
-- The unique key on (kommun_code, message_id) is the idempotent consumer: a second insert fails and
-- the message is answered with its original receipt instead. No personal data in any column.
create table tracked_message (
    hub_reference   varchar(36)  not null primary key,
    kommun_code     varchar(4)   not null,
    message_id      varchar(64)  not null,
    message_type    varchar(20),
    customer_number varchar(32),
    status          varchar(32)  not null,
    receipt         text         not null,
    received_at     timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint uq_tracked_message_kommun_message unique (kommun_code, message_id)
);

create index ix_tracked_message_customer on tracked_message (customer_number);
create index ix_tracked_message_status on tracked_message (status);
create index ix_tracked_message_received on tracked_message (received_at);

-- Supplier events already passed on, so an event delivered twice reaches the municipality once.
create table supplier_event (
    event_id      varchar(64)  not null primary key,
    hub_reference varchar(36)  not null,
    status        varchar(32)  not null,
    received_at   timestamp with time zone not null
);
