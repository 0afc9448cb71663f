-- Universal IM, schema version 8: a history page reads the rows of that page, not the whole conversation.
-- The history query (MessageService.history) reads each direction of a conversation newest first, one page at a
-- time: sender = ? and recipient = ? and id < ?, newest first, at most a page. H2 2.2 does not read an index
-- backwards, and uses an index for the order only when the query orders by the index's columns in the index's
-- directions; with (sender, recipient, id) it read every message of the pair and sorted them, for every page
-- (docs/benchmarks.md, finding 34). With id descending in the index, and the query ordering by sender, recipient,
-- id descending (the same order, since the first two are fixed), it stops after the page. PostgreSQL reads a
-- b-tree in either direction and serves the query from either index.
drop index message_conversation_ix;
create index message_conversation_ix on message (sender, recipient, id desc);
