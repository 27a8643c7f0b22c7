package io.statedesk.core.session;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Hosted agents' credentials from a file of {@code agentId=password} lines (and optional {@code
 * agentId.phonenum=number} lines), re-read when its modification time changes.
 *
 * <p>Why re-read: a refused password is not retried until the credentials change (each failed
 * sign-in counts towards locking the CTI account), so fixing the file must be enough to bring the
 * agent back, without a restart. Sealed values stay sealed in memory; each sign-in opens the one it
 * needs.
 */
final class CredentialsFile implements HostedCredentials {

  /** The suffix of a per-agent phone number key. */
  static final String PHONE = ".phonenum";

  private final Path file;
  private final BiFunction<Integer, String, String> open;
  private final IntFunction<Optional<String>> phonePattern;
  private long version = Long.MIN_VALUE;
  private Properties lines = new Properties();

  /**
   * @param open opens an agent's stored value (unseals it, bound to that agent, or returns it as it
   *     is)
   * @param phonePattern the phone number of an agent the file names none for
   */
  CredentialsFile(
      Path file,
      BiFunction<Integer, String, String> open,
      IntFunction<Optional<String>> phonePattern) {
    this.file = file;
    this.open = open;
    this.phonePattern = phonePattern;
  }

  @Override
  public Optional<String> passwordOf(int agentId) {
    return Optional.ofNullable(current().getProperty(Integer.toString(agentId)))
        .map(v -> open.apply(agentId, v));
  }

  @Override
  public Optional<String> phoneOf(int agentId) {
    String phone = current().getProperty(agentId + PHONE);
    return phone != null && !phone.isBlank()
        ? Optional.of(phone.trim())
        : phonePattern.apply(agentId);
  }

  @Override
  public synchronized long version() {
    current();
    return version;
  }

  private synchronized Properties current() {
    long modified;
    try {
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return lines; // keep what was read: a file being replaced is briefly absent
    }
    if (modified != version) {
      lines = load(file);
      version = modified;
    }
    return lines;
  }

  /**
   * The file's lines.
   *
   * @throws IllegalStateException naming the setting when the file cannot be read
   */
  static Properties load(Path file) {
    Properties lines = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "statedesk.sessions.hosted.credentials-file cannot be read: " + e.getMessage(), e);
    }
    return lines;
  }
}
