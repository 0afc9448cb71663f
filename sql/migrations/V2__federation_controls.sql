-- Universal IM, schema version 2: operator controls of federation.

-- Domains whose envelopes this ISP drops (and counts).
create table blocked_domain (
    domain     varchar(253)             not null primary key,
    reason     varchar(200),
    created_at timestamp(6) with time zone not null
);

-- The other ISPs this one has heard from (any verified envelope, or their hello at start-up).
create table isp (
    domain     varchar(253)             not null primary key,
    first_seen timestamp(6) with time zone not null,
    last_seen  timestamp(6) with time zone not null
);
