-- Universal IM, schema version 3: the operators' admin console.

create sequence audit_log_seq start with 1 increment by 50;

-- Operators of this ISP (role "operator" of the admin console). The first one comes from configuration.
create table admin_operator (
    username      varchar(64)              not null primary key,
    password_hash varchar(255)             not null,
    created_at    timestamp(6) with time zone not null,
    last_login    timestamp(6) with time zone
);

-- Every change made through the admin console: who, when, what, on which target.
create table audit_log (
    id         bigint                   not null primary key,
    occurred_at timestamp(6) with time zone not null,
    actor      varchar(64)              not null,
    action     varchar(64)              not null,
    target     varchar(320),
    detail     varchar(1000)
);
create index audit_log_occurred_ix on audit_log (occurred_at);
