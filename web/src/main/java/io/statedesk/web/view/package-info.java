/**
 * Backing beans, in packages that mirror the page tree ({@code /admin/system.xhtml} is {@code
 * view.admin.SystemBacking}).
 *
 * <p>One naming rule for the beans the pages name: a bean's EL name is its class's simple name
 * without the {@code Backing} suffix, first letter lower-case ({@code UsersAdminBacking} is {@code
 * #{usersAdmin}}, {@code ChangeActionsBacking} {@code #{changeActions}}, {@code UserZone} {@code
 * #{userZone}}), so that the class behind an expression in a page is found by its name. Where two
 * pages show the same subject, the class says which one ({@code CatalogAdminBacking} for the admin
 * catalog, {@code CatalogViewBacking} for the supervisors' read-only one). {@code BeanNamesTest}
 * holds every named bean of the module to the rule.
 */
package io.statedesk.web.view;
