/**
 * Live updates: what the console learns about agents and changes is pushed to the open pages over
 * Jakarta Faces websockets ({@code f:websocket}), so the picker and the change page are current
 * within about a second instead of at the next poll.
 */
package io.statedesk.web.live;
