/**
 * Backing beans of the bulk-change pages: the state chooser and preview on the agents page, one
 * change's page, and the history. They hold the page's state only; core's {@code BulkChanges}
 * decides and checks everything.
 */
package io.statedesk.web.view.changes;
