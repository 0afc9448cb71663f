/**
 * Push: typed notifications fired inside a transaction and written to the recipient's connections after
 * commit. Holds the registry of connected clients; the transport (web module) implements {@code ClientConnection}.
 */
package im.universal.push;
