package io.statedesk.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JDBC data source that migrations and the system page use, by JNDI name.
 *
 * <p>Looked up programmatically rather than by {@code @Resource} because Payara fails a deployment
 * when a CDI bean in a library jar declares {@code @Resource(lookup = "java:comp/...")}, and
 * because the name is configuration ({@code statedesk.datasource}): the platform default datasource
 * for the embedded demo, the operator's PostgreSQL datasource in production. The persistence unit
 * follows the same default datasource.
 */
@ApplicationScoped
public class Database {

  @Inject
  @ConfigProperty(name = "statedesk.datasource", defaultValue = "java:comp/DefaultDataSource")
  String jndiName;

  private volatile DataSource dataSource;

  /**
   * The data source.
   *
   * @throws IllegalStateException naming the JNDI name when it cannot be found
   */
  public DataSource dataSource() {
    DataSource ds = dataSource;
    if (ds == null) {
      try {
        ds = InitialContext.doLookup(jndiName);
      } catch (NamingException e) {
        throw new IllegalStateException(
            "No datasource at JNDI name '"
                + jndiName
                + "' (statedesk.datasource): define it in the server or fix the setting",
            e);
      }
      dataSource = ds;
    }
    return ds;
  }

  public String jndiName() {
    return jndiName;
  }
}
