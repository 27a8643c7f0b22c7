package io.statedesk.core.directory;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.account.UserAccount;
import io.statedesk.core.account.UserAccounts;
import io.statedesk.core.persistence.InLists;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Who may see which agents, asked on behalf of the system (no caller): the open pages to tell that
 * agents changed. The rule is the directory's own (admins see every agent, a supervisor the agents
 * of their teams), applied to the accounts as they are now, so a supervisor whose teams were taken
 * away stops being told at once.
 *
 * <p>Transactional although it only reads: it is asked from the live-push timer, a managed thread
 * of our own, where Payara keeps a container-managed entity manager used outside a transaction in
 * the thread's context and closes it when the request that started the thread ends; every later
 * flush then failed with "closed EntityManager" and no page was told anything (LiveUpdatesIT, once
 * in a full run). Inside a transaction the entity manager lives and ends with it.
 */
@ApplicationScoped
@Transactional
public class AgentAudience {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject UserAccounts accounts;
  @Inject TeamScope teams;

  /**
   * Of {@code users}, those who see at least one of {@code agentIds}.
   *
   * @param agentIds agents that changed
   * @param users user names with a page open
   */
  public Set<String> seeingAny(Collection<Integer> agentIds, Collection<String> users) {
    Set<String> seeing = new HashSet<>();
    if (agentIds.isEmpty() || users.isEmpty()) {
      return seeing;
    }
    Set<String> agentTeams = null;
    for (String user : users) {
      Set<Role> roles =
          accounts
              .find(user)
              .filter(UserAccount::isEnabled)
              .map(UserAccount::getRoles)
              .orElse(Set.of());
      if (roles.contains(Role.ADMIN)) {
        seeing.add(user);
      } else if (roles.contains(Role.SUPERVISOR)) {
        if (agentTeams == null) {
          agentTeams = teamsOf(agentIds);
        }
        Set<String> mine = teams.teamsOf(user);
        if (mine.stream().anyMatch(agentTeams::contains)) {
          seeing.add(user);
        }
      }
    }
    return seeing;
  }

  private Set<String> teamsOf(Collection<Integer> agentIds) {
    Set<String> found = new HashSet<>();
    for (var chunk : InLists.of(agentIds)) {
      found.addAll(
          em.createQuery(
                  "select distinct a.team from DirectoryAgent a"
                      + " where a.agentId in :ids and a.team is not null",
                  String.class)
              .setParameter("ids", chunk)
              .getResultList());
    }
    return found;
  }
}
