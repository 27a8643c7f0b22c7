package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealedCredentialsTest {

  @TempDir Path dir;

  Path keyFile(String key) throws Exception {
    Path f = dir.resolve("key-" + System.nanoTime());
    Files.writeString(f, key + "\n");
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
    assertThat(line).startsWith("10001=ENC(");
    assertThat(SealedCredentials.sealLine(box, line)).isEqualTo(line);
    assertThat(box.open(line.substring(6))).isEqualTo("Sim#10001");
  }

  @Test
  void withAKeyEveryPasswordMustBeSealed() throws Exception {
    Path key = keyFile(SealedCredentials.newKey());
    SealedCredentials box = SealedCredentials.fromKeyFile(key);
    Path file = dir.resolve("credentials.properties");
    Files.writeString(file, "10001=" + box.seal("Sim#10001") + "\n10002=Sim#10002\n");
    HostedSessions hosted = new HostedSessions();
    hosted.credentialsKeyFile = Optional.of(key.toString());
    assertThat(hosted.credentialProblems(file))
        .singleElement()
        .asString()
        .contains("agent 10002 is not sealed")
        .doesNotContain("Sim#");
    hosted.credentialsKeyFile = Optional.of(keyFile(SealedCredentials.newKey()).toString());
    assertThat(hosted.credentialProblems(file))
        .anySatisfy(p -> assertThat(p).contains("agent 10001 cannot be decrypted"));
    hosted.credentialsKeyFile = Optional.empty();
    assertThat(hosted.credentialProblems(file)).isEmpty(); // clear text allowed, warned at start
  }
}
