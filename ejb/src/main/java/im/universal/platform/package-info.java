/**
 * Platform: configuration, resources declared once under java:app names, the datasource, schema
 * migrations, addresses and the documented error codes. Called by every feature; calls none.
 */
package im.universal.platform;
