package io.statedesk.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an Arquillian test class that may run on a server another class started: its deployment
 * carries every class so marked ({@link io.statedesk.core.Deployments}), and a deployment equal to
 * one already running reuses that server ({@link
 * io.statedesk.core.testlaunch.OneServerPerDeployment}).
 *
 * <p>Why: the Payara Micro adapter starts a server per test class, about 45 s each on two cores,
 * and core's tests booted 12 of them. Only classes that do not need a server of their own are
 * marked: they keep to their own rows (as on PostgreSQL, where every class already shares one
 * database), and their deployment has no side effect.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SharedServer {}
