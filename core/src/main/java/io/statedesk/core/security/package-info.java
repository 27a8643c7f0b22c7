/**
 * Who is calling, and what they may do.
 *
 * <p>Owns {@link io.statedesk.core.security.Caller}, the one place where core services ask about
 * the current user, and {@link io.statedesk.core.security.AccessDeniedException}. Services check
 * here rather than relying on {@code @RolesAllowed}, which is only enforced on EJBs and so would
 * leave CDI services open to a handcrafted request.
 */
package io.statedesk.core.security;
