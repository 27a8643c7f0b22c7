package io.statedesk.testkit;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real LDAP directory for the sign-in tests, in memory (UnboundID's server speaks the protocol on
 * a free local port). Its people and groups, under {@code dc=example,dc=com}:
 *
 * <ul>
 *   <li>{@code carol} / {@code carol-ldap}: in {@code statedesk-admins}
 *   <li>{@code dave} / {@code dave-ldap}: in {@code statedesk-supervisors}
 *   <li>{@code erin} / {@code erin-ldap}: in no StateDesk group
 *   <li>{@code admin} / {@code admin-ldap}: in {@code statedesk-admins}, same name as the demo's
 *       local admin (must never sign in as them)
 *   <li>two entries {@code twin} / {@code twin-ldap} (ambiguous: neither may sign in)
 * </ul>
 *
 * The search account is {@code cn=statedesk,ou=services,dc=example,dc=com} / {@code search-ldap}.
 */
public final class Ldap implements AutoCloseable {

  public static final String BASE = "dc=example,dc=com";
  public static final String BIND_DN = "cn=statedesk,ou=services," + BASE;
  public static final String BIND_PASSWORD = "search-ldap";

  private final InMemoryDirectoryServer server;

  private Ldap(InMemoryDirectoryServer server) {
    this.server = server;
  }

  public static Ldap start() {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      config.setEnforceSingleStructuralObjectClass(false);
      InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
      add(server, BASE, "objectClass: top", "objectClass: domain", "dc: example");
      for (String ou : new String[] {"people", "groups", "services", "other"}) {
        add(server, "ou=" + ou + "," + BASE, "objectClass: organizationalUnit", "ou: " + ou);
      }
      add(
          server,
          BIND_DN,
          "objectClass: person",
          "objectClass: simpleSecurityObject",
          "cn: statedesk",
          "sn: service",
          "userPassword: " + BIND_PASSWORD);
      person(server, "people", "carol", "Carol Admin");
      person(server, "people", "dave", "Dave Supervisor");
      person(server, "people", "erin", "Erin Nobody");
      person(server, "people", "admin", "Not The Local Admin");
      person(server, "people", "twin", "Twin One");
      person(server, "other", "twin", "Twin Two");
      group(server, "statedesk-admins", "carol", "admin");
      group(server, "statedesk-supervisors", "dave");
      server.startListening();
      return new Ldap(server);
    } catch (LDAPException | LDIFException e) {
      throw new IllegalStateException("in-memory LDAP directory did not start", e);
    }
  }

  public String url() {
    return "ldap://localhost:" + server.getListenPort();
  }

  /**
   * The {@code statedesk.security.ldap.*} settings that point the console at this directory (admins
   * from {@code statedesk-admins}, supervisors from {@code statedesk-supervisors}).
   */
  public Map<String, String> consoleSettings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("statedesk.security.ldap.url", url());
    s.put("statedesk.security.ldap.bind-dn", BIND_DN);
    s.put("statedesk.security.ldap.bind-password", BIND_PASSWORD);
    s.put("statedesk.security.ldap.user-base-dn", BASE);
    s.put("statedesk.security.ldap.group-base-dn", "ou=groups," + BASE);
    s.put("statedesk.security.ldap.admin-groups", "statedesk-admins");
    s.put("statedesk.security.ldap.supervisor-groups", "statedesk-supervisors");
    return s;
  }

  /** Moves {@code uid} into or out of a group (e.g. to take a role away between sign-ins). */
  public void membership(String group, String uid, boolean member) {
    try {
      server.modify(
          "cn=" + group + ",ou=groups," + BASE,
          new Modification(
              member ? ModificationType.ADD : ModificationType.DELETE,
              "member",
              "uid=" + uid + ",ou=people," + BASE));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  private static void person(InMemoryDirectoryServer s, String ou, String uid, String cn)
      throws LDAPException, LDIFException {
    add(
        s,
        "uid=" + uid + ",ou=" + ou + "," + BASE,
        "objectClass: inetOrgPerson",
        "uid: " + uid,
        "cn: " + cn,
        "sn: " + cn.substring(cn.indexOf(' ') + 1),
        "userPassword: " + uid + "-ldap");
  }

  private static void group(InMemoryDirectoryServer s, String cn, String... uids)
      throws LDAPException, LDIFException {
    String[] lines = new String[uids.length + 2];
    lines[0] = "objectClass: groupOfNames";
    lines[1] = "cn: " + cn;
    for (int i = 0; i < uids.length; i++) {
      lines[i + 2] = "member: uid=" + uids[i] + ",ou=people," + BASE;
    }
    add(s, "cn=" + cn + ",ou=groups," + BASE, lines);
  }

  private static void add(InMemoryDirectoryServer s, String dn, String... attributes)
      throws LDAPException, LDIFException {
    String[] ldif = new String[attributes.length + 1];
    ldif[0] = "dn: " + dn;
    System.arraycopy(attributes, 0, ldif, 1, attributes.length);
    s.add(ldif);
  }
}
