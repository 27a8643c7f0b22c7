package io.statedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedCredentialsTest {

  @TempDir Path dir;

  Path keyFile(String key) throws Exception {
    Path f = dir.resolve("key-" + System.nanoTime());
    Files.writeString(f, key + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  @Test
  void sealedValuesOpenWithTheirKeyOnlyAndNeverShowThePassword() throws Exception {
    SealedCredentials box = SealedCredentials.fromKeyFile(keyFile(SealedCredentials.newKey()));
    String sealed = box.seal("Sim#10001 ü");
    assertThat(sealed).startsWith("ENC(").endsWith(")").doesNotContain("Sim");
    assertThat(box.seal("Sim#10001 ü")).isNotEqualTo(sealed); // a fresh IV every time
    assertThat(box.open(sealed)).isEqualTo("Sim#10001 ü");

    SealedCredentials other = SealedCredentials.fromKeyFile(keyFile(SealedCredentials.newKey()));
    assertThatThrownBy(() -> other.open(sealed))
        .hasMessageContaining("another key")
        .message()
        .doesNotContain("Sim");
    String tampered =
        sealed.substring(0, 10) + (sealed.charAt(10) == 'A' ? 'B' : 'A') + sealed.substring(11);
    assertThatThrownBy(() -> box.open(tampered)).hasMessageContaining("changed");
    assertThatThrownBy(() -> box.open("plain")).hasMessageContaining("not an ENC");
  }

  @Test
  void badKeyFilesAreNamed() throws Exception {
    assertThatThrownBy(() -> SealedCredentials.fromKeyFile(keyFile("not base64 !")))
        .hasMessageContaining("Base64");
    assertThatThrownBy(() -> SealedCredentials.fromKeyFile(keyFile("AAAA")))
        .hasMessageContaining("24-bit key");
    assertThatThrownBy(() -> SealedCredentials.fromKeyFile(dir.resolve("absent")))
        .hasMessageContaining("cannot be read");
  }

  @Test
  void sealingAFileKeepsCommentsAndSealsEachPasswordOnce() throws Exception {
    SealedCredentials box = SealedCredentials.fromKeyFile(keyFile(SealedCredentials.newKey()));
    assertThat(SealedCredentials.sealLine(box, "# agents of the night shift")).startsWith("#");
    String line = SealedCredentials.sealLine(box, "10001 = Sim#10001");
    assertThat(line).startsWith("10001=ENC(v2:");
    assertThat(SealedCredentials.sealLine(box, line)).isEqualTo(line);
    assertThat(box.open(line.substring(6), SealedCredentials.agent("10001")))
        .isEqualTo("Sim#10001");
  }

  @Test
  void aValueIsBoundToItsAgentOrSettingAndOlderUnboundValuesStillOpenUntilResealed()
      throws Exception {
    SealedCredentials box = SealedCredentials.fromKeyFile(keyFile(SealedCredentials.newKey()));
    String line = SealedCredentials.sealLine(box, "10001=Sim#10001");
    String value = line.substring(6);
    // copied to another agent's line, it does not open
    assertThatThrownBy(() -> box.open(value, SealedCredentials.agent("10002")))
        .hasMessageContaining("another agent or setting")
        .message()
        .doesNotContain("Sim");
    assertThatThrownBy(() -> box.open(value, "statedesk.directory.password"))
        .isInstanceOf(IllegalArgumentException.class);
    // a value sealed before binding existed opens for any agent, and sealing the file binds it
    String old = box.seal("Sim#10003");
    assertThat(SealedCredentials.isBound(old)).isFalse();
    assertThat(box.open(old, SealedCredentials.agent("10003"))).isEqualTo("Sim#10003");
    String resealed = SealedCredentials.sealLine(box, "10003=" + old);
    assertThat(SealedCredentials.isBound(resealed.substring(6))).isTrue();
    assertThat(box.open(resealed.substring(6), SealedCredentials.agent("10003")))
        .isEqualTo("Sim#10003");
  }

  @Test
  void aKeyOrCredentialsFileOthersMayReadIsRefusedNamingTheSetting() throws Exception {
    Path key = keyFile(SealedCredentials.newKey());
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> SealedCredentials.fromKeyFile(key))
        .hasMessageContaining("readable by its group or by others")
        .hasMessageContaining("chmod 600");
    assertThat(new ConfiguredSecrets(Optional.of(key.toString())).keyProblems())
        .singleElement()
        .asString()
        .startsWith("statedesk.security.key-file '")
        .contains("readable by its group or by others");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
    assertThat(SealedCredentials.exposure(key)).isPresent();
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    assertThat(SealedCredentials.exposure(key)).isEmpty();
  }

  @Test
  void aSealedSettingOpensWithTheKeyAndNamesTheSettingWhenItCannot() throws Exception {
    Path key = keyFile(SealedCredentials.newKey());
    String sealed = SealedCredentials.fromKeyFile(key).seal("Directory#1");
    ConfiguredSecrets secrets = new ConfiguredSecrets(Optional.of(key.toString()));
    assertThat(secrets.open("statedesk.directory.password", sealed)).isEqualTo("Directory#1");
    assertThat(secrets.open("statedesk.directory.password", "clear")).isEqualTo("clear");
    assertThat(secrets.problems("statedesk.directory.password", Optional.of(sealed))).isEmpty();

    ConfiguredSecrets otherKey =
        new ConfiguredSecrets(Optional.of(keyFile(SealedCredentials.newKey()).toString()));
    assertThat(otherKey.problems("statedesk.directory.password", Optional.of(sealed)))
        .singleElement()
        .asString()
        .startsWith("statedesk.directory.password cannot be decrypted")
        .doesNotContain("Directory#1");
    assertThatThrownBy(() -> otherKey.open("statedesk.directory.password", sealed))
        .hasMessageContaining("statedesk.directory.password");

    ConfiguredSecrets noKey = new ConfiguredSecrets(Optional.empty());
    assertThat(noKey.problems("statedesk.security.ldap.bind-password", Optional.of(sealed)))
        .singleElement()
        .asString()
        .contains("is sealed (ENC(...)) but statedesk.security.key-file is not set");
    assertThat(
            new ConfiguredSecrets(Optional.of(dir.resolve("missing.key").toString())).keyProblems())
        .singleElement()
        .asString()
        .startsWith("statedesk.security.key-file '")
        .contains("cannot be read");
  }

  @Test
  void theSealValueCommandSealsOneValueReadFromStdin() throws Exception {
    Path key = keyFile(SealedCredentials.newKey());
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SealedCredentials.class.getName(),
                "seal-value",
                key.toString(),
                "statedesk.directory.password")
            .redirectErrorStream(true)
            .start();
    try (var in = p.getOutputStream()) {
      in.write("Directory#1\n".getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).isZero();
    assertThat(out).startsWith("ENC(v2:").doesNotContain("Directory#1");
    assertThat(SealedCredentials.fromKeyFile(key).open(out, "statedesk.directory.password"))
        .isEqualTo("Directory#1");
  }
}
