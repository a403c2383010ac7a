-- Follow-up and return reminders (issue 15): each FOLLOW_UP_DUE and RETURN_DUE the hub decided to send, once. The
-- row is the outbox: written, unsent, by the hub that decides it (the unique key lets one hub, one run, win), then
-- sent to the municipality's .out under the broker's duplicate id of the row and marked sent. References, dates and
-- device ids only: no user, no pseudonym.
create table loan_reminder (
    id                 varchar(36)  not null primary key,
    -- FOLLOW_UP_DUE or RETURN_DUE
    kind               varchar(16)  not null,
    kommun_code        varchar(4)   not null,
    -- the order the devices were lent on
    hub_reference      varchar(36)  not null,
    decision_reference varchar(64),
    -- the follow-up date, or the decision's validTo that passed
    due_date           date         not null,
    -- the devices still lent under that order with that date: a JSON array
    device_ids         text         not null,
    decided_at         timestamp with time zone not null,
    -- null until the reminder is on the municipality's .out
    sent_at            timestamp with time zone,
    sent_by            varchar(200),
    -- One reminder of a kind per order and date: a rerun, or a second hub, finds it decided. A FOLLOW_UP_DONE that
    -- moves the date makes the next reminder one of its own.
    constraint uq_loan_reminder unique (kind, kommun_code, hub_reference, due_date)
);
create index ix_loan_reminder_unsent on loan_reminder (sent_at, decided_at);
create index ix_loan_reminder_decided on loan_reminder (decided_at);

-- The reminder job runs on one hub at a time, under a lease row like the purge's.
insert into retention_lease (name, holder, leased_until)
values ('loan-reminders', null, timestamp with time zone '1970-01-01 00:00:00+00:00');
