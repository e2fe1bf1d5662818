package dev.nanlint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar nanlint-cli.jar DIR} runs nanlint in a second JVM with a bounded heap when the first
 * one got the JVM's default maximum (a quarter of RAM). nanlint streams files and keeps about 40 MB live
 * on the benchmark corpus, but G1 grows the heap towards its maximum whenever collections look slow, which
 * on a loaded machine they do: 1.2-1.5 GB resident on a 24 GB machine, against 0.4 GB with -Xmx512m,
 * which also ran faster (docs/performance.md). A jar manifest cannot set the heap size, and the
 * {@code nanlint} launcher script already passes {@code -Xmx768m}.
 *
 * <p>Only for directory scans: the second JVM's start-up (about 0.1 s) would be a large share of a
 * single-file run, which needs little memory anyway. Not when the user chose the heap ({@code -Xmx},
 * {@code -XX:MaxRAM...}, also through {@code JAVA_TOOL_OPTIONS}), nor under a debugger, agent or
 * profiler, nor with {@code NANLINT_RELAUNCH=0}.
 */
final class BoundedHeap {
  /** Same as the launcher script's default. */
  static final String MAX_HEAP = "768m";
  private static final long MAX_HEAP_BYTES = 768L << 20;
  private static final String MARKER = "nanlint.relaunched";

  private BoundedHeap() {}

  /** Runs nanlint in a bounded JVM and returns its exit code, or -1 when it should run in this one. */
  static int relaunch(String[] args) {
    if (!wanted(args)) {
      return -1;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + MAX_HEAP);
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + MARKER + "=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      Thread stop = new Thread(child::destroy);
      Runtime.getRuntime().addShutdownHook(stop);
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return code;
    } catch (IOException e) {
      return -1; // cannot start a JVM: run here, unbounded
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  private static boolean wanted(String[] args) {
    if (Boolean.getBoolean(MARKER) || "0".equals(System.getenv("NANLINT_RELAUNCH"))
        || Runtime.getRuntime().maxMemory() <= MAX_HEAP_BYTES) {
      return false;
    }
    boolean directory = false;
    for (String arg : args) {
      try {
        directory |= !arg.startsWith("-") && Files.isDirectory(Path.of(arg));
      } catch (java.nio.file.InvalidPathException e) {
        // not a path
      }
    }
    if (!directory) {
      return false;
    }
    for (String jvmArg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (jvmArg.startsWith("-Xmx") || jvmArg.contains("MaxHeapSize") || jvmArg.contains("MaxRAM")
          || jvmArg.startsWith("-agent") || jvmArg.startsWith("-javaagent") || jvmArg.startsWith("-Xdebug")
          || jvmArg.startsWith("-Xrun") || jvmArg.contains("FlightRecord")) {
        return false;
      }
    }
    VMOption max = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("MaxHeapSize");
    return max.getOrigin() == VMOption.Origin.DEFAULT || max.getOrigin() == VMOption.Origin.ERGONOMIC;
  }
}
