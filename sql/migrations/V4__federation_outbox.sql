-- Universal IM, schema version 4: the federation outbox (docs/adr/003-outbox-and-idempotent-receivers.md).
-- An envelope is written here in the transaction of the change it reports, and relayed to the broker after the
-- commit; the row goes once the broker has taken the envelope. A crash in between sends it again, and the
-- receiving ISP drops the copy by its envelope id (inbound_envelope).
create sequence outbox_seq start with 1 increment by 50;

create table outbox (
    id          bigint                   not null primary key,
    destination varchar(300)             not null,
    type        varchar(64)              not null,
    envelope    varchar(1000000)         not null,
    created_at  timestamp(6) with time zone not null
);
