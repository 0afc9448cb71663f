-- Universal IM, schema version 5: the resend check looks messages up by client id first.
-- The group commit (docs/benchmarks.md) checks a whole batch for resends with one query, client_id in (...);
-- an index can serve an IN list only on its first column, and the old (sender, client_id) key made the database
-- walk every message of each sender. The uniqueness rule is unchanged: one message per sender and client id.
alter table message drop constraint message_sender_client_uk;
alter table message add constraint message_client_sender_uk unique (client_id, sender);
