package io.statedesk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the test servers' ports come from: below the ephemeral range, each once, free. */
class PortsTest {

  @Test
  void theEphemeralRangesLowerBoundIsReadAndDefaultsWhereThereIsNone(@TempDir Path dir)
      throws Exception {
    Path range = dir.resolve("ip_local_port_range");
    Files.writeString(range, "40000\t60999\n");
    assertEquals(40_000, Ports.ephemeralLow(range));
    assertEquals(Ports.DEFAULT_EPHEMERAL_LOW, Ports.ephemeralLow(dir.resolve("missing")));
  }

  @Test
  void aPickSkipsPortsInUseAndWrapsAround() {
    assertEquals(100, Ports.pick(100, 110, 8, p -> p != 108 && p != 109));
    assertEquals(103, Ports.pick(100, 110, 23, p -> true), "an offset past the end wraps");
    IllegalStateException none =
        assertThrows(IllegalStateException.class, () -> Ports.pick(100, 110, 0, p -> false));
    assertTrue(none.getMessage().contains("100-109"), none.getMessage());
  }

  @Test
  void portsAreOutsideTheEphemeralRangeNeverGivenTwiceAndFree() throws Exception {
    int ephemeralLow = Ports.ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    Set<Integer> given = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = Ports.free();
      assertTrue(port >= Ports.LOWEST && port < ephemeralLow, "port " + port);
      assertTrue(given.add(port), "port " + port + " given twice");
    }
    int port = Ports.free();
    try (ServerSocket server = new ServerSocket(port)) {
      assertEquals(port, server.getLocalPort());
    }
  }

  @Test
  void reservedPortsAreNeverHandedOutAndAreReservedWholeOrNotAtAll() throws Exception {
    int a = Ports.free();
    int b = Ports.free();
    assertFalse(Ports.reserveAll(b + 1000, a), "one of them was handed out already");
    assertTrue(Ports.reserveAll(b + 1000), "not reserved by the refused call, so free now");
    try (ServerSocket held = new ServerSocket(0)) {
      assertFalse(Ports.reserveAll(b + 2000, held.getLocalPort()), "one of them is bound");
    }
    assertTrue(Ports.reserveAll(b + 2000), "not reserved by the refused call");
    assertFalse(Ports.reserveAll(b + 2000), "reserved once");
  }

  @Test
  void aPortAServerHoldsIsNotBindable() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      assertFalse(Ports.canBind(server.getLocalPort()));
    }
  }
}
