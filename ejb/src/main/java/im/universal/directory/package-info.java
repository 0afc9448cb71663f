/**
 * Directory: this ISP's listed users plus the listed users of other ISPs; search. Owns
 * {@code directory_entry}. Called by account (local users) and federation (remote users).
 */
package im.universal.directory;
