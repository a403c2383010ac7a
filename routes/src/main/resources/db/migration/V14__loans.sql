-- The loan register (issue 15): which device is lent on which order, per municipality. The user is held only as a
-- keyed pseudonym (HMAC-SHA256 of the 12-digit identity number under nav.loans.pseudonym-secret): no column holds
-- an identity number, a name or an address.

-- What the register needs of a message the hub accepted, recorded in the receipt's database transaction (the hub
-- keeps no message body): an order's decision, dates, articles and user; the devices a return or fault report names.
create table loan_origin (
    hub_reference      varchar(36)  not null primary key,
    kommun_code        varchar(4)   not null,
    message_type       varchar(20)  not null,
    customer_number    varchar(32),
    decision_reference varchar(64),
    user_pseudonym     varchar(64),
    valid_to           date,
    follow_up_date     date,
    -- an order's lines, article and quantity, in the order's order: a JSON array
    articles           text,
    -- the device ids a return or fault report names: a JSON array
    device_ids         text,
    recorded_at        timestamp with time zone not null
);

-- One device lent on one order. The key makes a redelivered event harmless: the same device on the same order is
-- one loan, and an ended loan is not ended again.
create table loan (
    kommun_code        varchar(4)   not null,
    device_id          varchar(32)  not null,
    hub_reference      varchar(36)  not null,
    article_number     varchar(32),
    customer_number    varchar(32),
    decision_reference varchar(64),
    user_pseudonym     varchar(64),
    valid_to           date,
    follow_up_date     date,
    state              varchar(16)  not null,
    since              timestamp with time zone not null,
    ended_at           timestamp with time zone,
    -- the hub reference of the return or fault report that ended it
    ended_by           varchar(36),
    updated_at         timestamp with time zone not null,
    constraint pk_loan primary key (kommun_code, device_id, hub_reference)
);

create index ix_loan_user on loan (kommun_code, user_pseudonym);
create index ix_loan_decision on loan (kommun_code, decision_reference);
create index ix_loan_state_follow_up on loan (state, follow_up_date);
create index ix_loan_state_valid_to on loan (state, valid_to);
