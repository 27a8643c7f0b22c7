package io.statedesk.core.session;

import java.util.Optional;

/** Where hosted agents' passwords and phone numbers come from. Implementations never log them. */
public interface HostedCredentials {

  Optional<String> passwordOf(int agentId);

  /** The softphone number the sign-in binds ({@code phonenum}), if any. */
  default Optional<String> phoneOf(int agentId) {
    return Optional.empty();
  }

  /**
   * Changes whenever the credentials may have changed (e.g. the file's modification time): a
   * refused agent is tried again once per change, never on its own.
   */
  default long version() {
    return 0;
  }

  /**
   * Password and phone number from patterns, {@code {agent}} being the agent id: the demo and tests
   * ({@code Sim#{agent}}, {@code 7{agent}}); never a real site's passwords.
   */
  static HostedCredentials patterns(String passwordPattern, Optional<String> phonePattern) {
    return new HostedCredentials() {
      @Override
      public Optional<String> passwordOf(int agentId) {
        return Optional.of(passwordPattern.replace("{agent}", Integer.toString(agentId)));
      }

      @Override
      public Optional<String> phoneOf(int agentId) {
        return phonePattern.map(p -> p.replace("{agent}", Integer.toString(agentId)));
      }
    };
  }
}
