/** Backing beans of the admin pages under {@code /admin}. */
package io.statedesk.web.view.admin;
