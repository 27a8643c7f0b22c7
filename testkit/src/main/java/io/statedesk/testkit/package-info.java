/**
 * Test support for StateDesk's integration tiers.
 *
 * <p>Exists so that every module starts Payara Micro and headless Chromium the same way: one server
 * per test phase ({@link io.statedesk.testkit.PayaraMicro}), Debian's Chromium with the flags that
 * work in a closed network ({@link io.statedesk.testkit.Browsers}), and nothing that downloads a
 * browser or a driver.
 */
package io.statedesk.testkit;
