-- Every replay of a parked message: who put it back on which queue, and when. No personal data: the
-- message is named by its hub reference, municipality and messageId, never by its content.
create table replay_audit (
    id                varchar(36)  not null primary key,
    replayed_at       timestamp with time zone not null,
    replayed_by       varchar(100) not null,
    via               varchar(20)  not null,
    dead_letter_queue varchar(200) not null,
    target_queue      varchar(200) not null,
    hub_reference     varchar(36),
    kommun_code       varchar(4),
    message_id        varchar(64),
    failed_stage      varchar(100),
    failure_reason    varchar(500)
);

create index ix_replay_audit_replayed_at on replay_audit (replayed_at);
create index ix_replay_audit_hub_reference on replay_audit (hub_reference);
