/**
 * Backing beans, one per page, in packages that mirror the page tree ({@code /admin/system.xhtml}
 * is {@code view.admin.SystemBacking}).
 */
package io.statedesk.web.view;
