package io.statedesk.core.account;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * One sign-in's conversation with the LDAP directory: find the user with the search account, bind
 * as the user with the typed password, then read the user's groups.
 *
 * <p>Why the UnboundID LDAP SDK rather than JNDI's LDAP provider: it escapes filter values for us
 * ({@link Filter#encodeValue}), has explicit connect and response timeouts and host name checks for
 * {@code ldaps}, and is a plain library in our own lib/, where JNDI's provider is loaded through
 * the server's naming machinery, which differs between Payara and WildFly. Its in-memory server
 * also lets the tests run against a real directory protocol.
 *
 * <p>A fresh connection per sign-in: people sign in a few times a day, so a pool would mostly hold
 * idle sockets that firewalls cut.
 */
final class LdapDirectory {

  /** A user whose password the directory accepted. */
  record LdapUser(String dn, String displayName, Set<String> groups) {}

  /** The directory could not be asked (down, timed out, refused the search account). */
  static final class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final LdapSettings settings;

  LdapDirectory(LdapSettings settings) {
    this.settings = settings;
  }

  /**
   * The user, if exactly one entry matches the name and the directory accepts the password.
   *
   * @throws UnavailableException if the directory could not be asked; its message names the
   *     operation and the directory's answer, never the password
   */
  Optional<LdapUser> authenticate(String username, char[] password) throws UnavailableException {
    if (username == null || username.isBlank() || password == null || password.length == 0) {
      // an empty password would be an "unauthenticated bind", which many directories accept
      return Optional.empty();
    }
    try (LDAPConnection search = connect()) {
      if (settings.bindDn().isPresent()) {
        search.bind(settings.bindDn().get(), settings.bindPassword().orElse(""));
      }
      Optional<SearchResultEntry> entry = findUser(search, username);
      if (entry.isEmpty()) {
        return Optional.empty();
      }
      String dn = entry.get().getDN();
      if (!passwordAccepted(dn, password)) {
        return Optional.empty();
      }
      String displayName =
          Optional.ofNullable(entry.get().getAttributeValue(settings.displayNameAttribute()))
              .filter(n -> !n.isBlank())
              .orElse(username);
      return Optional.of(new LdapUser(dn, displayName, groups(search, username, dn)));
    } catch (LDAPException e) {
      throw new UnavailableException(
          "LDAP directory " + settings.url() + ": " + e.getResultCode() + " " + message(e), e);
    }
  }

  private Optional<SearchResultEntry> findUser(LDAPConnection search, String username)
      throws LDAPException {
    SearchRequest request =
        new SearchRequest(
            settings.userBaseDn(),
            SearchScope.SUB,
            Filter.create(settings.userFilter().replace("{0}", Filter.encodeValue(username))),
            settings.displayNameAttribute());
    request.setSizeLimit(2);
    SearchResult result;
    try {
      result = search.search(request);
    } catch (LDAPSearchException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        return Optional.empty(); // two people answer to the name: sign in neither
      }
      throw e;
    }
    return result.getEntryCount() == 1
        ? Optional.of(result.getSearchEntries().get(0))
        : Optional.empty();
  }

  private boolean passwordAccepted(String dn, char[] password) throws LDAPException {
    try (LDAPConnection user = connect()) {
      user.bind(dn, new String(password));
      return true;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS
          || e.getResultCode() == ResultCode.INAPPROPRIATE_AUTHENTICATION
          || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
        return false;
      }
      throw e;
    }
  }

  private Set<String> groups(LDAPConnection search, String username, String dn)
      throws LDAPException {
    String filter =
        settings
            .groupFilter()
            .replace("{0}", Filter.encodeValue(username))
            .replace("{1}", Filter.encodeValue(dn));
    SearchResult result =
        search.search(
            new SearchRequest(
                settings.groupBaseDn(),
                SearchScope.SUB,
                Filter.create(filter),
                settings.groupNameAttribute()));
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (SearchResultEntry group : result.getSearchEntries()) {
      String[] values = group.getAttributeValues(settings.groupNameAttribute());
      if (values != null) {
        names.addAll(List.of(values));
      }
    }
    return names;
  }

  private LDAPConnection connect() throws LDAPException {
    LDAPURL url = new LDAPURL(settings.url());
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    int millis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    options.setConnectTimeoutMillis(millis);
    options.setResponseTimeoutMillis(millis);
    SocketFactory sockets = null;
    if (url.getScheme().equals("ldaps")) {
      sockets = SSLSocketFactory.getDefault();
      options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(false));
    }
    return new LDAPConnection(sockets, options, url.getHost(), url.getPort());
  }

  private static String message(LDAPException e) {
    String m = e.getDiagnosticMessage();
    return m == null ? e.getExceptionMessage() : m;
  }
}
