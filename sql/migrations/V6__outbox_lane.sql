-- Universal IM, schema version 6: the ordering lane of an outbox envelope (docs/federation.md, "Order").
-- Envelopes about one conversation (or one user's presence) share a lane; the relay sends each lane in order as
-- one JMS group, and a receiver applies several lanes at once. Rows written before this version take lane 0.
alter table outbox add column lane integer default 0 not null;
