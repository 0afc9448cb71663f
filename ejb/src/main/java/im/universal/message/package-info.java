/**
 * Messages: accept between accepted contacts, persist before ack, route locally or remotely, offline
 * backlog, delivered/read receipts, history, typing. Owns {@code message}. May call: contact, federation, push.
 */
package im.universal.message;
