package io.statedesk.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which address a request comes from, for throttling and the audit.
 *
 * <p>Behind a load balancer every request's peer is the balancer, so throttling by the peer locks
 * everyone out after one person's failures. {@code X-Forwarded-For} says who the balancer talked
 * to, but any client can send that header, so it is believed only from the proxies the operator
 * lists in {@code statedesk.http.trusted-proxies} (addresses or CIDR blocks, comma-separated): the
 * client is the right-most address in the chain that is not a trusted proxy (what each trusted hop
 * appended), never an address a client wrote further left. Without the setting the header is
 * ignored. Only IP literals are read: a header value is never resolved by DNS.
 */
@ApplicationScoped
public class TrustedProxies {

  public static final String KEY = "statedesk.http.trusted-proxies";

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** One CIDR block. */
  record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Block> blocks = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  @Inject
  public TrustedProxies(@ConfigProperty(name = KEY) Optional<String> proxies) {
    for (String p : proxies.orElse("").split(",")) {
      String s = p.strip();
      if (s.isEmpty()) {
        continue;
      }
      Optional<Block> block = block(s);
      if (block.isPresent()) {
        blocks.add(block.get());
      } else {
        problems.add(KEY + ": '" + s + "' is not an IP address or CIDR block (e.g. 10.0.0.0/8)");
      }
    }
  }

  /** For CDI proxies only. */
  protected TrustedProxies() {
    this(Optional.<String>empty());
  }

  /** What is wrong with the setting, one line each. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * The client's address.
   *
   * @param peer the TCP peer ({@code getRemoteAddr()})
   * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
   */
  public String client(String peer, Collection<String> forwardedFor) {
    if (blocks.isEmpty() || !trusted(peer) || forwardedFor == null) {
      return peer;
    }
    List<String> chain = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String part : header.split(",")) {
        chain.add(part.strip());
      }
    }
    String client = peer;
    for (int i = chain.size() - 1; i >= 0; i--) {
      String hop = chain.get(i);
      if (literal(hop).isEmpty()) {
        return client; // garbage: the last address a trusted hop vouched for
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  boolean trusted(String address) {
    Optional<byte[]> bytes = literal(address);
    return bytes.isPresent() && blocks.stream().anyMatch(b -> b.contains(bytes.get()));
  }

  static Optional<Block> block(String text) {
    int slash = text.indexOf('/');
    Optional<byte[]> address = literal(slash < 0 ? text : text.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int max = address.get().length * 8;
    int bits;
    try {
      bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return bits < 0 || bits > max ? Optional.empty() : Optional.of(new Block(address.get(), bits));
  }

  /** The bytes of an IPv4 or IPv6 literal; empty for anything else (never a DNS lookup). */
  static Optional<byte[]> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean v4 = IPV4.matcher(s).matches();
    if (!v4 && !IPV6.matcher(s).matches()) {
      return Optional.empty();
    }
    if (v4) {
      for (String octet : s.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      return Optional.of(InetAddress.getByName(s).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
