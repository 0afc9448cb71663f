/**
 * The operators' admin console: operators (role {@code operator}; the first one from configuration), account,
 * session and federation administration, and the audit log of every change made through it. Owns
 * {@code admin_operator} and {@code audit_log}. May call: account, session, contact, directory, federation (to
 * broadcast removals and edit the block list), push (to close connections after commit).
 */
package im.universal.admin;
