package io.statedesk.core.bulk;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.account.UserAccount;
import io.statedesk.core.account.UserAccounts;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may see a change, asked on behalf of the system (no caller): the open change pages to tell
 * that it moved on. The rule is the one {@link BulkChanges} applies to a caller (admins, the
 * change's maker, supervisors of a team it touched), applied to the accounts as they are now.
 *
 * <p>Transactional although it only reads: it is asked from the live-push timer, a managed thread
 * of our own, where Payara keeps a container-managed entity manager used outside a transaction in
 * the thread's context and closes it when the request that started the thread ends; every later
 * flush then failed with "closed EntityManager" and no page was told anything (LiveUpdatesIT, once
 * in a full run). Inside a transaction the entity manager lives and ends with it.
 */
@ApplicationScoped
@Transactional
public class ChangeAudience {

  @Inject UserAccounts accounts;
  @Inject TeamScope teams;
  @Inject BulkStore store;
  @Inject ChangeQueries queries;

  /** Of {@code users}, those who may see change {@code changeId} (none if it does not exist). */
  public Set<String> seeing(long changeId, Collection<String> users) {
    Set<String> seeing = new HashSet<>();
    BulkChange change = users.isEmpty() ? null : store.find(changeId).orElse(null);
    if (change == null) {
      return seeing;
    }
    for (String user : users) {
      Set<Role> roles =
          accounts
              .find(user)
              .filter(UserAccount::isEnabled)
              .map(UserAccount::getRoles)
              .orElse(Set.of());
      if (roles.contains(Role.ADMIN)
          || (roles.contains(Role.SUPERVISOR)
              && (change.getCreatedBy().equals(user)
                  || queries.touches(changeId, teams.teamsOf(user))))) {
        seeing.add(user);
      }
    }
    return seeing;
  }
}
