/**
 * Housekeeping: a timer that deletes what no longer serves after the retention period ({@code UIM_RETENTION_DAYS}),
 * expired or ended login sessions and applied inbound envelope ids, through the boundaries that own those tables.
 * Messages are never deleted here: a user's history is kept until the account is deleted.
 */
package im.universal.housekeeping;
