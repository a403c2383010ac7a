-- Retention (README "Retention and purge"): the lease that lets one hub at a time purge, the runs it made, and
-- the audit trail of what it did to parked messages. References, counts and times only: no personal data.

-- One row per job. A hub takes the lease with a conditional update (free, or run out, or its own), so two hubs
-- sharing the database never purge at once; a hub that dies mid-run loses the lease when leased_until passes.
create table retention_lease (
    name         varchar(50)  not null primary key,
    holder       varchar(200),
    leased_until timestamp with time zone not null
);
insert into retention_lease (name, holder, leased_until) values ('purge', null, timestamp with time zone '1970-01-01 00:00:00+00:00');

-- Every purge run: who ran it, when, and how many rows, files and parked messages it removed per store.
create table retention_run (
    id          varchar(36)  not null primary key,
    holder      varchar(200) not null,
    started_at  timestamp with time zone not null,
    finished_at timestamp with time zone not null,
    outcome     varchar(20)  not null,
    removed     varchar(2000) not null,
    problem     varchar(500)
);
create index ix_retention_run_started_at on retention_run (started_at);

-- What the purge did to a parked message: ALERTED (parked past the alert period, raised once) and EXPIRED (moved
-- to the expiry queue, with or without its body). The message is named by its references, never by its content.
create table retention_audit (
    id                varchar(36)  not null primary key,
    audited_at        timestamp with time zone not null,
    action            varchar(20)  not null,
    dead_letter_queue varchar(200) not null,
    target_queue      varchar(200),
    jms_message_id    varchar(200) not null,
    parked_at         timestamp with time zone,
    body_kept         boolean,
    origin_queue      varchar(200),
    hub_reference     varchar(36),
    kommun_code       varchar(4),
    message_id        varchar(64),
    failed_stage      varchar(100),
    failure_reason    varchar(500)
);
create index ix_retention_audit_at on retention_audit (audited_at);
create index ix_retention_audit_message on retention_audit (jms_message_id, action);

-- The purge picks its batches by age: without these, each batch of a large table would be a full scan.
create index ix_supplier_event_received on supplier_event (received_at);
create index ix_camel_messageprocessed_created on camel_messageprocessed (createdAt);
create index ix_incident_report_confirmed on incident_report (confirmed_at);
