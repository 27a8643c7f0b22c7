package io.statedesk.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A server process seen from outside: CPU and threads from {@code /proc}, a thread-dump summary.
 */
final class JvmProbe {

  private JvmProbe() {}

  /** {utime + stime in clock ticks (100/s), threads} of a process, from /proc. */
  static long[] cpuAndThreads(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    long threads = Long.parseLong(fields[17]);
    return new long[] {ticks, threads};
  }

  /** The server's process: the one whose command line names its work directory. */
  static long pidOf(Path workDir) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : (Iterable<Path>) procs::iterator) {
        String name = proc.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1);
          if (cmdline.contains(workDir.toString()) && cmdline.contains("payara-micro")) {
            return Long.parseLong(name);
          }
        } catch (IOException gone) {
          // a process that ended meanwhile
        }
      }
    }
    throw new IllegalStateException("no process for " + workDir);
  }

  /**
   * Who the threads are, from {@code jcmd <pid> Thread.print}: the HTTP request threads, how many
   * of them sleep (an injected latency on a request thread) and the scheduler's threads.
   */
  static String threadDump(long pid) throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                "Thread.print")
            .redirectErrorStream(true)
            .start();
    String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    int http = 0;
    int sleeping = 0;
    int scheduler = 0;
    for (String thread : dump.split("\n\n")) {
      String first = thread.strip();
      if (first.startsWith("\"http-thread-pool")) {
        http++;
        if (thread.contains("java.lang.Thread.sleep")) {
          sleeping++;
        }
      } else if (first.contains("ScheduledExecutor")) {
        scheduler++;
      }
    }
    return "request threads "
        + http
        + " ("
        + sleeping
        + " sleeping), scheduler threads "
        + scheduler;
  }
}
