/** The error pages' backing: one error id per failure, shown on the page and written to the log. */
package io.statedesk.web.view.errors;
