package io.statedesk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void aNamedThreadsUserAndSystemTicksAreAddedOthersAreNot() {
    String compiler =
        "4711 (C2 CompilerThre) S 1 4700 4700 0 -1 1077936192 0 0 0 0 6611 17 0 0 20 0 40 0 9"
            + " 6122176 0";
    String worker = "4712 (http-thread-poo) S 1 4700 4700 0 -1 0 0 0 0 0 339 5 0 0 20 0 40 0 9 0 0";
    assertEquals(6628, ThreadCpu.ticksOf(compiler, "C1 Compiler", "C2 Compiler"));
    assertEquals(0, ThreadCpu.ticksOf(worker, "C1 Compiler", "C2 Compiler"));
    // a name with a ')' of its own: the last one closes it
    assertEquals(10, ThreadCpu.ticksOf("9 (a) b) S 1 1 1 0 -1 0 0 0 0 0 7 3 0 0", "a) b"));
  }

  @Test
  void thisJvmsCompilerThreadsHaveUsedSomeCpuOnLinux() {
    if (System.getProperty("os.name").equals("Linux")) {
      assertTrue(ThreadCpu.jit(ProcessHandle.current().pid()).toMillis() > 0);
    }
  }
}
