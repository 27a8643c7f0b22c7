/**
 * What an operator needs to know about this running console: database, schema version,
 * configuration mode. Admin only.
 */
package io.statedesk.core.system;
