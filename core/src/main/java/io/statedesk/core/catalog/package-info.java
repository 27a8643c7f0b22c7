/**
 * The state-code catalog: what each custom state number (0..65534) means to the business.
 *
 * <p>Owns {@link io.statedesk.core.catalog.StateCode} (code, labels per locale, colour, category,
 * team scope, active flag), reserved ranges, validation for every path (page, API, import), and the
 * audit of every change. The gateway only knows numbers; supervisors choose from here.
 */
package io.statedesk.core.catalog;
