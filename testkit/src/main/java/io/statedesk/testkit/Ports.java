package io.statedesk.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;

/**
 * Ports for the servers the tests start (Payara Micro, PostgreSQL, nginx).
 *
 * <p>Why not the kernel's choice (a socket bound to port 0, closed, its port handed on): that port
 * comes from the ephemeral range, from which the kernel also takes the local port of every outgoing
 * connection, and the server binds it seconds later (a JVM starts, Payara boots). Meanwhile any
 * connection of the busy suite (to PostgreSQL, between consoles, the tests' HTTP clients) could be
 * given that port, and the server then failed with "Address already in use" (HostedSignInRulesIT's
 * simulator in a whole run, 2026-12-05). So the ports come from below the ephemeral range, where
 * the kernel hands nothing out by itself; each is checked free by binding it, given at most once
 * per JVM, and the search starts at a random place so that two builds on one machine rarely meet.
 */
public final class Ports {

  /** The lowest port handed out: clear of the well-known and most registered service ports. */
  static final int LOWEST = 10_000;

  /** Fewer candidates than this below the ephemeral range: take the kernel's choice instead. */
  static final int FEWEST = 1_000;

  /** The Linux kernel's default lower bound, when its setting cannot be read. */
  static final int DEFAULT_EPHEMERAL_LOW = 32_768;

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  private static int cursor = -1;

  /** Every port handed out or reserved in this JVM: taken, even before its server binds it. */
  private static final Set<Integer> TAKEN = new HashSet<>();

  private Ports() {}

  /**
   * A port no server of this JVM was given before, free a moment ago, outside the ephemeral range.
   */
  public static synchronized int free() {
    int high = ephemeralLow(EPHEMERAL_RANGE);
    if (high - LOWEST < FEWEST) {
      return kernelsChoice();
    }
    if (cursor < 0) {
      cursor = ThreadLocalRandom.current().nextInt(high - LOWEST);
    }
    int port = pick(LOWEST, high, cursor, p -> !TAKEN.contains(p) && canBind(p));
    TAKEN.add(port);
    cursor = port - LOWEST + 1;
    return port;
  }

  /**
   * Reserves all of {@code ports} if none is taken in this JVM and each binds now, for a server
   * that chooses its own set of ports (the matrix's Payara Server and WildFly: a base and fixed
   * offsets), so that {@link #free} never hands one of them to another server meanwhile.
   *
   * @return whether they were reserved (none is, if one of them is not free)
   */
  public static synchronized boolean reserveAll(int... ports) {
    for (int port : ports) {
      if (TAKEN.contains(port) || !canBind(port)) {
        return false;
      }
    }
    for (int port : ports) {
      TAKEN.add(port);
    }
    return true;
  }

  /**
   * The first port from {@code start} (an offset into {@code [low, high)}, wrapping around) that
   * {@code bindable} accepts.
   *
   * @throws IllegalStateException if none does
   */
  static int pick(int low, int high, int start, IntPredicate bindable) {
    int size = high - low;
    for (int i = 0; i < size; i++) {
      int port = low + Math.floorMod(start + i, size);
      if (bindable.test(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port in " + low + "-" + (high - 1));
  }

  /**
   * The lower bound of the kernel's ephemeral range ({@code "32768\t60999"} in {@code file}), or
   * {@link #DEFAULT_EPHEMERAL_LOW} if the file cannot be read (not Linux).
   */
  static int ephemeralLow(Path file) {
    // read as a line: Files.readString read "3" of the kernel's "32768\t60999" (a /proc file
    // reports no size)
    try (BufferedReader in = Files.newBufferedReader(file)) {
      return Integer.parseInt(in.readLine().trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_LOW;
    }
  }

  /** Whether a server could bind {@code port} on every address now, as the servers do. */
  static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int kernelsChoice() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
