package io.statedesk.core.desired;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The container's managed threads, on which JNDI, transactions and persistence work. */
public final class ManagedThreads {

  private ManagedThreads() {}

  public static ManagedThreadFactory factory() {
    try {
      return InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
    } catch (NamingException e) {
      throw new IllegalStateException("No java:comp/DefaultManagedThreadFactory", e);
    }
  }
}
