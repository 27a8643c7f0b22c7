package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.security.ConfiguredSecrets;
import io.statedesk.core.security.SealedCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosted agents' credentials file with a key: every password in it must be sealed. */
class HostedCredentialsConfigTest {

  @TempDir Path dir;

  Path keyFile(String key) throws Exception {
    Path f = dir.resolve("key-" + System.nanoTime());
    Files.writeString(f, key + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    return f;
  }

  @Test
  void withAKeyEveryPasswordMustBeSealed() throws Exception {
    Path key = keyFile(SealedCredentials.newKey());
    SealedCredentials box = SealedCredentials.fromKeyFile(key);
    Path file = dir.resolve("credentials.properties");
    Files.writeString(file, "10001=" + box.seal("Sim#10001") + "\n10002=Sim#10002\n");
    HostedCredentialsConfig hosted = new HostedCredentialsConfig();
    hosted.secrets = new ConfiguredSecrets(Optional.of(key.toString()));
    assertThat(hosted.credentialProblems(file))
        .singleElement()
        .asString()
        .contains("agent 10002 is not sealed")
        .doesNotContain("Sim#");
    hosted.secrets =
        new ConfiguredSecrets(Optional.of(keyFile(SealedCredentials.newKey()).toString()));
    assertThat(hosted.credentialProblems(file))
        .anySatisfy(p -> assertThat(p).contains("agent 10001 cannot be decrypted"));
    hosted.secrets = new ConfiguredSecrets(Optional.empty());
    assertThat(hosted.credentialProblems(file)).isEmpty(); // clear text allowed, warned at start
  }
}
