package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.testing.Control;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosted sessions against the simulator: a desktop's forced sign-in is never overridden with force
 * off, force on takes the session back, and a wrong password is tried once per change of the
 * credentials file.
 */
class HostedSignInRulesIT extends PoolOnSimulator {

  @Test
  void aDesktopsForcedSignInIsNeverOverriddenWithForceOff() throws Exception {
    Control.release(10170);
    pool(Set.of(10170), false).start();
    await(() -> store.get(10170).map(SessionEntry::isUsable).orElse(false), 10);
    Control.clearStats();
    Control.forceLoginElsewhere(10170);
    await(
        () ->
            store
                .get(10170)
                .map(e -> !e.isUsable() && e.note() != null && e.note().startsWith("taken over"))
                .orElse(false),
        10);
    assertThat(pool.problems()).containsKey(10170);
    assertThat(signIns(10170).values())
        .as("no sign-in of ours took the session back")
        .allMatch(n -> n == 0);
    assertThat(Control.call("GET", "agents/10170", null)).contains("\"elsewhere\":true");
  }

  @Test
  void withForceOnTheSessionIsTakenBack() throws Exception {
    Control.release(10171);
    pool(Set.of(10171), true).start();
    await(() -> store.get(10171).map(SessionEntry::isUsable).orElse(false), 10);
    String before = store.get(10171).get().handle().guid();
    Control.clearStats();
    Control.forceLoginElsewhere(10171);
    await(
        () ->
            store
                .get(10171)
                .map(e -> e.isUsable() && !e.handle().guid().equals(before))
                .orElse(false),
        10);
    assertThat(signIns(10171)).containsEntry("forcelogin", 1);
  }

  @Test
  void aWrongPasswordIsTriedOncePerCredentialsChange(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("credentials.properties");
    Files.writeString(file, "10172=wrong\n10172.phonenum=710172\n");
    AtomicInteger attempts = new AtomicInteger();
    CredentialsFile credentials =
        new CredentialsFile(file, (agent, value) -> value, id -> Optional.empty());
    Control.release(10172);
    pool(
            Set.of(10172),
            false,
            new HostedCredentials() {
              @Override
              public Optional<String> passwordOf(int agentId) {
                attempts.incrementAndGet();
                return credentials.passwordOf(agentId);
              }

              @Override
              public Optional<String> phoneOf(int agentId) {
                return credentials.phoneOf(agentId);
              }

              @Override
              public long version() {
                return credentials.version();
              }
            })
        .start();
    await(() -> pool.problems().getOrDefault(10172, "").contains("100-004"), 10);
    // two credential checks later, still one attempt: a refused password is never retried alone
    Awaitility.await()
        .during(Duration.ofSeconds(21))
        .atMost(Duration.ofSeconds(30))
        .until(() -> attempts.get() == 1);
    Files.writeString(file, "10172=Sim#10172\n10172.phonenum=710172\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 2_000));
    await(() -> store.get(10172).map(SessionEntry::isUsable).orElse(false), 20);
    assertThat(attempts).as("one attempt per change").hasValue(2);
    assertThat(pool.problems()).doesNotContainKey(10172);
  }
}
