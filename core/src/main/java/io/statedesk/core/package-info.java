/**
 * StateDesk's core: everything that is not a screen.
 *
 * <p>Organised by feature ({@code account}, {@code persistence}, {@code system}, and later {@code
 * gateway}, {@code session}, {@code directory}, {@code catalog}, {@code bulk}, {@code audit}); each
 * package says what it owns in its own {@code package-info.java}. Authorization is enforced here,
 * in the services, not only by the pages that call them.
 */
package io.statedesk.core;
