package io.statedesk.core.testing;

import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tells the deployment which test class it is built for, so that a subclass marked {@link
 * OnPostgresql} gets a PostgreSQL server while its parent keeps H2. Register it before Arquillian's
 * extension ({@code @ExtendWith({TestDatabase.class, ArquillianExtension.class})}): Arquillian
 * builds and deploys the archive in its own {@code beforeAll}, calling the parent's static
 * {@code @Deployment} method, which cannot see the subclass it runs for.
 *
 * <p>Held per thread: the class whose deployment is being built is the one this thread set up, and
 * the endurance test (not an Arquillian class) may run beside it in an IDE.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

  private static final ThreadLocal<Class<?>> CURRENT = new ThreadLocal<>();

  @Override
  public void beforeAll(ExtensionContext context) {
    CURRENT.set(context.getRequiredTestClass());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    CURRENT.remove();
  }

  /** The test class this thread is setting up, when it registered this extension. */
  public static Optional<Class<?>> testClass() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Whether the class this thread is setting up runs on PostgreSQL. */
  public static boolean postgresql() {
    return testClass().map(c -> c.isAnnotationPresent(OnPostgresql.class)).orElse(false);
  }
}
