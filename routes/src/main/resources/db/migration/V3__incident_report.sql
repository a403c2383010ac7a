-- Incident reports to Läkemedelsverket and the manufacturer, tracked until Läkemedelsverket confirms it has
-- the report. References, codes and times only: no personal data in any column (the report's content stays
-- in the messages and the files delivered).
create table incident_report (
    hub_reference        varchar(36)  not null primary key,
    kommun_code          varchar(4)   not null,
    message_id           varchar(64)  not null,
    consequence          varchar(20)  not null,
    accepted_at          timestamp with time zone not null,
    due_at               timestamp with time zone not null,
    -- the report (XML + PDF) delivered through the authority channel
    sent_at              timestamp with time zone,
    -- the manufacturer's copy delivered through the manufacturer channel
    manufacturer_sent_at timestamp with time zone,
    confirmed_at         timestamp with time zone,
    authority_reference  varchar(64),
    -- the deadline alert, raised once
    alert_raised_at      timestamp with time zone
);

-- The deadline check looks for unconfirmed reports without an alert whose time is up.
create index ix_incident_report_due on incident_report (due_at);
create index ix_incident_report_kommun on incident_report (kommun_code);
