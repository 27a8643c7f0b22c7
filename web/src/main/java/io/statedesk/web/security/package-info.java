/** Jakarta Security wiring of the console: the authentication mechanism and the roles. */
package io.statedesk.web.security;
