/**
 * Accounts: registration (username rules, OWASP-grade password hashing), look-ups. Owns {@code account}.
 * May call: directory (to list a new user). Fires {@code AccountRegistered}; federation broadcasts it.
 */
package im.universal.account;
