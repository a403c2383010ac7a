-- The assortment in force, from the supplier's Peppol BIS Catalogue (without response) 3 files (README "The supplier
-- side"), shared by every hub on this database. Until the first catalogue is applied, the registry file's assortment
-- (the development seed) is in force. No personal data in any column.

-- One row, locked by the transaction that applies a catalogue: two hubs applying two catalogues at once take turns
-- (each version builds on the one before it).
create table assortment_lock (
    name varchar(20) not null primary key
);
insert into assortment_lock (name) values ('apply');

-- Every catalogue applied, in order: which file (name and SHA-256 of its bytes), which catalogue, when, what it did.
-- The unique digest makes a second application of the same file fail, whichever hub tries it.
create table assortment_version (
    version       bigint       not null primary key,
    catalogue_id  varchar(200),
    header_action varchar(10)  not null,
    file_name     varchar(255) not null,
    file_digest   varchar(64)  not null,
    applied_at    timestamp with time zone not null,
    added         integer      not null,
    updated       integer      not null,
    withdrawn     integer      not null,
    constraint uq_assortment_version_file unique (file_digest)
);

-- The articles in force after the latest version, replaced in the same transaction that records the version.
create table assortment_article (
    article_number varchar(100) not null primary key,
    name           varchar(500),
    product_area   varchar(50)  not null,
    iso9999        varchar(20),
    medical_device boolean      not null,
    manufacturer   varchar(500),
    orderable      boolean      not null,
    valid_from     date,
    valid_to       date,
    version        bigint       not null
);

-- What each version changed, article by article: ADDED, UPDATED or WITHDRAWN (the history and the admins' report).
create table assortment_change (
    version        bigint       not null,
    article_number varchar(100) not null,
    change         varchar(10)  not null,
    constraint pk_assortment_change primary key (version, article_number)
);
