/**
 * The console's web layer: Faces pages with thin backing beans ({@code *Backing}, packages
 * mirroring the page tree under {@code view}), the REST API, and the security wiring.
 *
 * <p>Beans hold no business rules: they call one or two core services and report outcomes through
 * message keys of the one bundle ({@code i18n/messages}).
 */
package io.statedesk.web;
