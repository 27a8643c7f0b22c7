/**
 * Saved selections: a supervisor names the picker's current filter (dynamic, re-evaluated through
 * the directory's team-scoped queries each time it is used) or the current set of agents (fixed),
 * keeps it private or shares it with one of their teams, and uses it on the picker, in the
 * Set-state dialog, in schedules and in the API. Owns who may see, use and delete a selection;
 * never who may see an agent (that stays the directory's rule).
 */
package io.statedesk.core.selection;
