package io.statedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  static TrustedProxies proxies(String... blocks) {
    return new TrustedProxies(Optional.of(String.join(", ", blocks)));
  }

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    TrustedProxies none = new TrustedProxies(Optional.empty());
    assertThat(none.client("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("10.0.0.5");
  }

  @Test
  void fromATrustedPeerTheClientIsTheRightMostUntrustedAddress() {
    TrustedProxies lb = proxies("10.0.0.0/8", "192.168.1.10");
    assertThat(lb.client("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    // a client's own invention on the left is ignored; trusted hops on the right are skipped
    assertThat(lb.client("10.0.0.5", List.of("1.2.3.4, 203.0.113.7, 192.168.1.10")))
        .isEqualTo("203.0.113.7");
    // several headers are one chain, in order
    assertThat(lb.client("10.0.0.5", List.of("1.2.3.4", "203.0.113.8"))).isEqualTo("203.0.113.8");
    // only trusted hops: the left-most of them
    assertThat(lb.client("10.0.0.5", List.of("10.1.1.1"))).isEqualTo("10.1.1.1");
    // garbage stops the walk at the last address a trusted hop vouched for
    assertThat(lb.client("10.0.0.5", List.of("evil.example.com, 10.9.9.9"))).isEqualTo("10.9.9.9");
    assertThat(lb.client("10.0.0.5", List.of())).isEqualTo("10.0.0.5");
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItWrites() {
    assertThat(proxies("10.0.0.0/8").client("198.51.100.1", List.of("10.0.0.1")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void blocksAndLiteralsAreParsedWithoutDns() {
    TrustedProxies p = proxies("127.0.0.1/32", "::1/128", "172.16.0.0/12", "2001:db8::/32");
    assertThat(p.trusted("127.0.0.1")).isTrue();
    assertThat(p.trusted("127.0.0.2")).isFalse();
    assertThat(p.trusted("172.31.255.255")).isTrue();
    assertThat(p.trusted("172.32.0.0")).isFalse();
    assertThat(p.trusted("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(p.trusted("[2001:db8::5]")).isTrue();
    assertThat(p.trusted("localhost")).isFalse();
    assertThat(p.trusted("999.1.1.1")).isFalse();
    assertThat(p.problems()).isEmpty();
    assertThat(proxies("10.0.0.0/33", "lb.example.com").problems())
        .hasSize(2)
        .allMatch(s -> s.startsWith("statedesk.http.trusted-proxies"));
  }
}
