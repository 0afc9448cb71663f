/**
 * Presence: who is online on which devices, aggregate show and status, last seen, fan-out to accepted
 * contacts (one envelope per remote domain), probes at login. Owns the live state. May call: federation, push.
 */
package im.universal.presence;
