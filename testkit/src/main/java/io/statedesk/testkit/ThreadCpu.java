package io.statedesk.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time of some of a process's threads, by thread name, from {@code /proc/<pid>/task} (Linux).
 *
 * <p>Why: a benchmark's fresh JVM spends most of its first minutes compiling. Its total CPU then
 * says more about the JIT than about the code measured, so the benchmarks report the compiler
 * threads' share apart ({@link #jit}). Elsewhere than on Linux the figures are zero.
 */
public final class ThreadCpu {

  /** Clock ticks per second of {@code /proc/.../stat} (USER_HZ, 100 on every Linux we run on). */
  private static final long TICKS_PER_SECOND = 100;

  private ThreadCpu() {}

  /** CPU time of the JIT compiler threads ({@code C1 CompilerThread*}, {@code C2 ...}). */
  public static Duration jit(long pid) {
    return Duration.ofMillis(ticks(pid, "C1 Compiler", "C2 Compiler") * 1000 / TICKS_PER_SECOND);
  }

  /** Ticks of user and system time of the threads whose name starts with one of {@code names}. */
  static long ticks(long pid, String... names) {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    long ticks = 0;
    try (Stream<Path> all = Files.list(tasks)) {
      for (Path task : all.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
          continue; // the thread ended meanwhile
        }
        ticks += ticksOf(stat, names);
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }

  /**
   * The utime + stime of one {@code stat} line if its thread's name starts with one of {@code
   * names}, else 0. The name is between the first '(' and the last ')' and may hold spaces.
   */
  static long ticksOf(String stat, String... names) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return 0;
    }
    String name = stat.substring(open + 1, close);
    for (String prefix : names) {
      if (name.startsWith(prefix)) {
        // after ") ": state is field 3; utime and stime are fields 14 and 15
        String[] fields = stat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      }
    }
    return 0;
  }
}
