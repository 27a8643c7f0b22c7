/**
 * The floor as the overview shows it: agents per custom state now (per team for supervisors),
 * sessions held, changes running and scheduled, recent failures, and for admins the gateway's
 * health. Owns no data: it asks the services that own each figure, which scope it to the caller.
 */
package io.statedesk.core.floor;
