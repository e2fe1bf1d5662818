package dev.nanlint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code java -jar nanlint-cli.jar DIR} runs nanlint in a second JVM set up for a batch scan, as the
 * {@code nanlint} launcher script does (a jar manifest cannot set JVM options):
 * <ul>
 *   <li>{@code -Xmx768m}: nanlint streams files and keeps about 40 MB live on the benchmark corpus, but G1
 *       grows the heap towards its default maximum (a quarter of RAM) whenever collections look slow:
 *       1.2-1.5 GB resident on a 24 GB machine, against 0.4 GB bounded, which also ran faster;
 *   <li>{@code -XX:TieredStopAtLevel=1}, the client compiler only: in a scan of a million lines the JVM
 *       spent more CPU compiling JavaParser and the rules with C2 than running them (13-18 s of compile
 *       time in a 20-25 CPU-second run, JFR), and C1 code is fast enough here: the benchmark corpus took
 *       6.8 s instead of 11.2 s, three copies of it 22.5 s instead of 33.8 s (docs/performance.md).
 * </ul>
 * Each option only when the user did not choose it ({@code -Xmx}, {@code -XX:MaxRAM...}, a compiler
 * option, also through {@code JAVA_TOOL_OPTIONS}), and only on HotSpot. Only for directory scans: the
 * second JVM's start-up (about 0.1 s) would be a large share of a single-file run. Never under a
 * debugger, agent or profiler, nor with {@code NANLINT_RELAUNCH=0}.
 */
final class TunedJvm {
  /** Same as the launcher script's. */
  static final String MAX_HEAP = "768m";
  static final String CLIENT_COMPILER = "-XX:TieredStopAtLevel=1";
  private static final long MAX_HEAP_BYTES = 768L << 20;
  private static final String MARKER = "nanlint.relaunched";

  private TunedJvm() {}

  /** Runs nanlint in a tuned JVM and returns its exit code, or -1 when it should run in this one. */
  static int relaunch(String[] args) {
    List<String> options = wanted(args);
    if (options.isEmpty()) {
      return -1;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
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
      return -1; // cannot start a JVM: run here, as is
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  /** The options a relaunch would add; empty when nanlint should run in this JVM. */
  private static List<String> wanted(String[] args) {
    if (Boolean.getBoolean(MARKER) || "0".equals(System.getenv("NANLINT_RELAUNCH")) || !scansDirectory(args)) {
      return List.of();
    }
    return options(ManagementFactory.getRuntimeMXBean().getInputArguments(), TunedJvm::isDefault,
        Runtime.getRuntime().maxMemory());
  }

  /**
   * The options to add to a JVM started with {@code jvmArgs}, whose HotSpot options pass
   * {@code isDefault} when nobody set them, and whose maximum heap is {@code maxMemory} bytes.
   */
  static List<String> options(List<String> jvmArgs, Predicate<String> isDefault, long maxMemory) {
    boolean userHeap = false;
    boolean userCompiler = false;
    for (String jvmArg : jvmArgs) {
      if (jvmArg.startsWith("-agent") || jvmArg.startsWith("-javaagent") || jvmArg.startsWith("-Xdebug")
          || jvmArg.startsWith("-Xrun") || jvmArg.contains("FlightRecord")) {
        return List.of();
      }
      userHeap |= jvmArg.startsWith("-Xmx") || jvmArg.contains("MaxHeapSize") || jvmArg.contains("MaxRAM");
      userCompiler |= jvmArg.contains("Tiered") || jvmArg.equals("-Xint") || jvmArg.equals("-Xcomp")
          || jvmArg.contains("CompileThreshold") || jvmArg.contains("UseJVMCICompiler");
    }
    List<String> options = new ArrayList<>();
    if (!userHeap && maxMemory > MAX_HEAP_BYTES && isDefault.test("MaxHeapSize")) {
      options.add("-Xmx" + MAX_HEAP);
    }
    if (!userCompiler && isDefault.test("TieredStopAtLevel") && isDefault.test("TieredCompilation")) {
      options.add(CLIENT_COMPILER);
    }
    return options;
  }

  private static boolean scansDirectory(String[] args) {
    for (String arg : args) {
      try {
        if (!arg.startsWith("-") && Files.isDirectory(Path.of(arg))) {
          return true;
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a path
      }
    }
    return false;
  }

  /** A HotSpot option nobody set; false on other JVMs, which may not know it. */
  private static boolean isDefault(String option) {
    try {
      VMOption value = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(option);
      return value.getOrigin() == VMOption.Origin.DEFAULT || value.getOrigin() == VMOption.Origin.ERGONOMIC;
    } catch (RuntimeException e) { // not HotSpot, or no such option
      return false;
    }
  }
}
