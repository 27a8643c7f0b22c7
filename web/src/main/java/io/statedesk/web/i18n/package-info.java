/** The console's message bundle (English and Simplified Chinese) and the locale choice. */
package io.statedesk.web.i18n;
