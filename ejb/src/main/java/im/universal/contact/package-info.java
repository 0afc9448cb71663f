/**
 * Contact lists: request, approve, deny, remove, locally or across ISPs (a state machine per relation).
 * Owns {@code contact}. May call: account, directory, presence, federation (outbound), push (events).
 */
package im.universal.contact;
