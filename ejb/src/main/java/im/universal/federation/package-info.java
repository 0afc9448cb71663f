/**
 * Federation: the only package that knows JMS. Publishes versioned envelopes (directory topic, per-ISP
 * inboxes) inside the caller's transaction, consumes them with MDBs, checks the broker-authenticated sender against
 * the claimed origin, drops duplicates, dispatches to the owning boundaries. Owns {@code inbound_envelope}.
 */
package im.universal.federation;
