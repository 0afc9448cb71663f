-- Universal IM, schema version 1.
-- Portable between H2 2.x and PostgreSQL 14+. Hibernate only validates this schema.

create sequence account_seq start with 1 increment by 50;
create sequence login_session_seq start with 1 increment by 50;
create sequence contact_seq start with 1 increment by 50;
create sequence directory_entry_seq start with 1 increment by 50;
create sequence message_seq start with 1 increment by 50;

create table account (
    id            bigint                   not null primary key,
    local_part    varchar(64)              not null,
    address       varchar(320)             not null,
    display_name  varchar(100)             not null,
    password_hash varchar(255)             not null,
    listed        boolean                  not null,
    disabled      boolean                  not null,
    created_at    timestamp(6) with time zone not null,
    last_seen     timestamp(6) with time zone,
    constraint account_local_part_uk unique (local_part),
    constraint account_address_uk unique (address)
);

-- One row per login: the original design's per-login "temporary file".
create table login_session (
    id             bigint                   not null primary key,
    account_id     bigint                   not null,
    token_hash     varchar(64)              not null,
    device         varchar(100),
    mode           varchar(16)              not null,
    remote_address varchar(64),
    created_at     timestamp(6) with time zone not null,
    expires_at     timestamp(6) with time zone not null,
    ended_at       timestamp(6) with time zone,
    constraint login_session_token_uk unique (token_hash),
    constraint login_session_account_fk foreign key (account_id) references account (id) on delete cascade
);
create index login_session_account_ix on login_session (account_id);

-- A user's contact list; the peer may live on any ISP.
create table contact (
    id           bigint                   not null primary key,
    owner_id     bigint                   not null,
    peer_address varchar(320)             not null,
    state        varchar(16)              not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    constraint contact_owner_peer_uk unique (owner_id, peer_address),
    constraint contact_owner_fk foreign key (owner_id) references account (id) on delete cascade
);
create index contact_peer_ix on contact (peer_address);

-- Own listed users plus the listed users of the other ISPs.
create table directory_entry (
    id           bigint                   not null primary key,
    address      varchar(320)             not null,
    local_part   varchar(64)              not null,
    domain       varchar(253)             not null,
    display_name varchar(100)             not null,
    updated_at   timestamp(6) with time zone not null,
    constraint directory_entry_address_uk unique (address)
);
create index directory_entry_domain_ix on directory_entry (domain);

-- Messages as this ISP knows them: sent by its users, received for its users, or both.
create table message (
    id               bigint                   not null primary key,
    server_id        varchar(36)              not null,
    sender           varchar(320)             not null,
    recipient        varchar(320)             not null,
    client_id        varchar(128),
    body             varchar(8192)            not null,
    sent_at          timestamp(6) with time zone not null,
    status           varchar(16)              not null,
    pending_delivery boolean                  not null,
    constraint message_server_id_uk unique (server_id),
    constraint message_sender_client_uk unique (sender, client_id)
);
create index message_conversation_ix on message (sender, recipient, id);
create index message_pending_ix on message (recipient, pending_delivery, id);

-- Federation envelopes already applied (idempotent receivers).
create table inbound_envelope (
    id          varchar(64)              not null primary key,
    origin      varchar(253)             not null,
    type        varchar(64)              not null,
    received_at timestamp(6) with time zone not null
);
