/**
 * Test support for StateDesk's integration tiers.
 *
 * <p>Exists so that every module starts Payara Micro and headless Chromium the same way: one server
 * per test phase ({@link io.statedesk.testkit.PayaraMicro}), Debian's Chromium with the flags that
 * work in a closed network ({@link io.statedesk.testkit.Browsers}), and nothing that downloads a
 * browser or a driver; and so that the web module's browser tests and the server matrix's smoke
 * test drive the console with the same waits ({@link io.statedesk.testkit.BrowserSteps}) and sign
 * in through the same page object ({@link io.statedesk.testkit.LoginPage}).
 */
package io.statedesk.testkit;
