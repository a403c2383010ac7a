-- Status files of the supplier file drop already read (camel-sql JdbcMessageIdRepository), so a file is
-- not read twice after a restart. The key is the file's name, size and time; no personal data.
-- Column names are those JdbcMessageIdRepository uses; the primary key makes a second insert fail.
create table camel_messageprocessed (
    processorName varchar(255) not null,
    messageId     varchar(255) not null,
    createdAt     timestamp    not null,
    constraint pk_camel_messageprocessed primary key (processorName, messageId)
);
