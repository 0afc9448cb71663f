-- Universal IM, schema version 7: indexes for the housekeeping timer (docs/operations.md, "Retention").
-- It deletes login sessions that expired or ended, and applied inbound envelope ids, older than the retention
-- period (UIM_RETENTION_DAYS); without these indexes each of its passes would read the whole table.
create index login_session_expires_ix on login_session (expires_at);
create index login_session_ended_ix on login_session (ended_at);
create index inbound_envelope_received_ix on inbound_envelope (received_at);
