package io.statedesk.core.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets encrypted at rest (hosted agents' passwords, the directory and LDAP search accounts'
 * passwords): AES-256-GCM with a key from a key file, each value written as {@code ENC(base64url(iv
 * || ciphertext || tag))} in the credentials file.
 *
 * <p>Why AES-GCM from the JDK rather than a library: it is authenticated encryption (a changed
 * value fails instead of decrypting to garbage), it is in every JDK, and the format is a dozen
 * lines we can test; no library would add anything here. The key file holds 32 random bytes in
 * Base64 and is as secret as the passwords were: readable only by the server's user, kept apart
 * from the credentials file and its backups.
 *
 * <p>Each value is bound to what it belongs to (the agent of a credentials-file line, the setting
 * of a sealed setting) as AES-GCM additional authenticated data, written {@code ENC(v2:...)}: a
 * sealed value copied to another agent's line or another setting does not open. Values sealed
 * before (plain {@code ENC(...)}, unbound) still open, so an upgrade changes nothing at once;
 * {@code reseal} binds a file's values (operator guide).
 *
 * <p>The key file must be readable by its owner only: {@link #fromKeyFile} refuses one its group or
 * others may read, and {@link #exposure} says the same of any secret file.
 *
 * <p>Command line ({@code java -cp statedesk-core.jar
 * io.statedesk.core.session.SealedCredentials}): {@code genkey > key}, then {@code seal key <
 * plain.properties > credentials.properties} (also binds values sealed earlier), or {@code
 * seal-value key SETTING} for one setting's value (the directory or LDAP search account's password,
 * see {@code ConfiguredSecrets}).
 */
public final class SealedCredentials {

  private static final String PREFIX = "ENC(";
  private static final String BOUND = "ENC(v2:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SealedCredentials(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The key in {@code file}: Base64 of 32 bytes.
   *
   * @throws IllegalArgumentException naming what is wrong with the file
   */
  public static SealedCredentials fromKeyFile(Path file) {
    exposure(file)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot be read: " + e.getMessage(), e);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("does not hold a Base64 key (make one with genkey)", e);
    }
    if (raw.length != 32) {
      throw new IllegalArgumentException(
          "holds a " + raw.length * 8 + "-bit key; AES-256 needs 256 bits (make one with genkey)");
    }
    return new SealedCredentials(raw);
  }

  /**
   * What is wrong with a secret file's permissions: readable by its group or by others (where the
   * file system has POSIX permissions). The message names the fix, never the content.
   */
  public static Optional<String> exposure(Path file) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      if (p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ)) {
        return Optional.of(
            "is readable by its group or by others ("
                + PosixFilePermissions.toString(p)
                + "): make it readable by the server's user only (chmod 600)");
      }
      return Optional.empty();
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty(); // no POSIX permissions (Windows), or unreadable: said elsewhere
    }
  }

  /** A new random key, Base64. */
  public static String newKey() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX) && value.endsWith(")");
  }

  /** {@code ENC(...)} of {@code plain}, unbound: for values sealed before binding existed. */
  public String seal(String plain) {
    return seal(plain, null);
  }

  /**
   * {@code ENC(v2:...)} of {@code plain}, bound to {@code context} (e.g. {@link #agent} or a
   * setting's name); {@code null} seals unbound.
   */
  public String seal(String plain, String context) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      if (context != null) {
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      }
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] all = Arrays.copyOf(iv, IV_BYTES + sealed.length);
      System.arraycopy(sealed, 0, all, IV_BYTES, sealed.length);
      return (context == null ? PREFIX : BOUND)
          + Base64.getUrlEncoder().withoutPadding().encodeToString(all)
          + ")";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * The plain text of an {@code ENC(...)} value.
   *
   * @throws IllegalArgumentException if it is not sealed, was sealed with another key, or was
   *     changed (the message never contains the value)
   */
  public String open(String sealed) {
    return open(sealed, null);
  }

  /** The context a credentials-file line's value is bound to. */
  public static String agent(String agentId) {
    return "agent:" + agentId.strip();
  }

  /** Whether the value is bound to its agent or setting ({@code ENC(v2:...)}). */
  public static boolean isBound(String value) {
    return value != null && value.startsWith(BOUND) && value.endsWith(")");
  }

  /**
   * The plain text of a sealed value: a bound one only with the context it was sealed for, an
   * unbound one (sealed before binding existed) with any.
   *
   * @throws IllegalArgumentException if it is not sealed, was sealed with another key or for
   *     another agent or setting, or was changed (the message never contains the value)
   */
  public String open(String sealed, String context) {
    if (!isSealed(sealed)) {
      throw new IllegalArgumentException("is not an ENC(...) value");
    }
    boolean bound = isBound(sealed);
    try {
      int start = bound ? BOUND.length() : PREFIX.length();
      byte[] all = Base64.getUrlDecoder().decode(sealed.substring(start, sealed.length() - 1));
      if (all.length <= IV_BYTES) {
        throw new IllegalArgumentException("is too short to be an ENC(...) value");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(all, IV_BYTES)));
      if (bound && context != null) {
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      }
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot be decrypted with this key (another key, a value sealed for another agent or"
              + " setting, or the value was changed)",
          e);
    }
  }

  /** {@code genkey} | {@code seal KEYFILE} (agentId=password lines on stdin, sealed to stdout). */
  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    if (args.length == 1 && args[0].equals("genkey")) {
      out.println(newKey());
      return;
    }
    if (args.length == 2 && args[0].equals("seal")) {
      SealedCredentials box = fromKeyFile(Path.of(args[1]));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        out.println(sealLine(box, line));
      }
      return;
    }
    if (args.length == 3 && args[0].equals("seal-value")) {
      SealedCredentials box = fromKeyFile(Path.of(args[1]));
      char[] typed = System.console() == null ? null : System.console().readPassword("value: ");
      String value =
          typed != null
              ? new String(typed)
              : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                  .readLine();
      if (value == null || value.isEmpty()) {
        System.err.println("no value given");
        System.exit(2);
      }
      out.println(box.seal(value, args[2]));
      return;
    }
    System.err.println(
        "usage: SealedCredentials genkey | seal KEYFILE < plain-or-sealed > sealed"
            + " | seal-value KEYFILE SETTING (one value from the terminal or stdin, bound to the"
            + " setting it is for, e.g. statedesk.directory.password)");
    System.exit(2);
  }

  /**
   * One line of a credentials file, its value sealed and bound to the line's agent (a value sealed
   * unbound before is opened and bound); comments and blank lines as they were.
   */
  static String sealLine(SealedCredentials box, String line) {
    String t = line.strip();
    int eq = t.indexOf('=');
    if (t.isEmpty() || t.startsWith("#") || eq < 0) {
      return line;
    }
    String agent = t.substring(0, eq).strip();
    String value = t.substring(eq + 1).strip();
    if (isBound(value)) {
      return t;
    }
    String plain = isSealed(value) ? box.open(value) : value;
    return agent + "=" + box.seal(plain, agent(agent));
  }
}
