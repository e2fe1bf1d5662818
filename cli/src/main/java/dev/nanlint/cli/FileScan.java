package dev.nanlint.cli;

import dev.nanlint.analysis.index.IndexedSummaries;
import dev.nanlint.analysis.index.ProjectIndex;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Linter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scans files on worker threads, each under a limit of CPU time, and hands the results back in file
 * order. The command and the Maven plugin both scan through it.
 */
public final class FileScan {
  private final int jobs;
  private final int timeoutSeconds;
  private final Path base;

  /**
   * @param jobs files analysed in parallel
   * @param timeoutSeconds CPU time after which one file's analysis is stopped and reported as an input error
   */
  public FileScan(int jobs, int timeoutSeconds) {
    this(jobs, timeoutSeconds, Path.of(""));
  }

  /** As above, with findings naming files relative to {@code base} instead of the working directory. */
  public FileScan(int jobs, int timeoutSeconds, Path base) {
    this.jobs = Math.max(1, jobs);
    this.timeoutSeconds = Math.max(1, timeoutSeconds);
    this.base = base.toAbsolutePath().normalize();
  }

  /**
   * Lints every file. A file that cannot be read, is not Java source, or runs out of time gets an input
   * error instead of findings. {@code progress}: where to show "120/2527 files" on a terminal, or null.
   */
  public List<FileResult> lint(Linter linter, List<Path> files, Charset encoding, PrintWriter progress)
      throws InterruptedException {
    // first pass: every file, recording its declarations and operand calls in the project index
    ProjectIndex index = new ProjectIndex();
    List<FileResult> results = new ArrayList<>();
    Linter first = linter.withProject(index);
    forEach(files, file -> lintOne(first, file, encoding, base), (path, message) -> FileResult.error(path, 0, 0, message),
        progress, results::add);
    // second pass, only where it can matter: summarise the methods other files' operands call, check those files again
    ProjectIndex.Plan plan = index.plan();
    stats = new IndexStats(plan.dependents().size(), plan.calleeFiles().size(), 0);
    if (plan.dependents().isEmpty()) {
      return results;
    }
    Map<String, Path> byDisplay = new HashMap<>();
    files.forEach(f -> byDisplay.put(SourceFiles.display(f, base), f));
    IndexedSummaries summaries = IndexedSummaries.build(index, plan, display -> {
      Path file = byDisplay.get(display);
      try {
        return file == null ? null : Linter.parse(SourceFiles.read(file, encoding)).orElse(null);
      } catch (IOException | UncheckedIOException e) {
        return null; // read in the first pass, gone now: its methods stay unknown
      }
    });
    stats = new IndexStats(plan.dependents().size(), plan.calleeFiles().size(), summaries.size());
    if (summaries.size() == 0) {
      return results;
    }
    Linter second = linter.withProject(summaries);
    List<Path> dependents = files.stream().filter(f -> plan.dependents().contains(SourceFiles.display(f, base))).toList();
    Map<String, FileResult> again = new HashMap<>();
    forEach(dependents, file -> lintOne(second, file, encoding, base), (path, message) -> FileResult.error(path, 0, 0, message),
        null, r -> again.put(r.path(), r));
    results.replaceAll(r -> again.getOrDefault(r.path(), r));
    return results;
  }

  /**
   * What the last {@link #lint}'s project index did: files checked again with other files' summaries,
   * files parsed to summarise their methods, methods summarised.
   */
  public record IndexStats(int dependentFiles, int calleeFiles, int summarisedMethods) {}

  private IndexStats stats = new IndexStats(0, 0, 0);

  public IndexStats indexStats() {
    return stats;
  }

  /**
   * Runs {@code task} on every file on worker threads and hands the results to {@code each} in file
   * order, on this thread. A file that takes longer than the timeout, or whose task throws, gets
   * {@code failure}'s result instead.
   */
  <T> void forEach(List<Path> files, Function<Path, T> task, BiFunction<String, String, T> failure,
      PrintWriter progressOut, Consumer<T> each) throws InterruptedException {
    // deep expressions need a deep stack for JavaParser's recursive descent
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(null, r, "nanlint-worker", 512L << 20);
      t.setDaemon(true);
      return t;
    });
    Progress progress = new Progress(progressOut, files.size());
    try {
      long[] workerThread = new long[files.size()]; // id of the thread analysing each file, once started
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          workerThread[index] = Thread.currentThread().getId();
          try {
            return task.apply(files.get(index));
          } finally {
            workerThread[index] = -1;
          }
        }));
      }
      long limit = TimeUnit.SECONDS.toNanos(timeoutSeconds);
      for (int i = 0; i < files.size(); i++) {
        each.accept(await(futures.get(i), workerThread, i, limit, SourceFiles.display(files.get(i), base), failure));
        futures.set(i, null); // let the result go once handled
        progress.done(i + 1);
      }
    } finally {
      progress.finish();
      pool.shutdownNow();
    }
  }

  /**
   * Waits for one file, giving up once its analysis has used more than the per-file limit of CPU time
   * (CPU, not wall time: a loaded CI machine must not turn slow files into errors).
   */
  private static <T> T await(Future<T> future, long[] workerThread, int index, long limit, String path,
      BiFunction<String, String, T> failure) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuAtStart = -1;
    long threadId = 0;
    while (true) {
      try {
        return future.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long id = workerThread[index];
        if (id > 0 && id != threadId) {
          threadId = id; // the worker started on this file: its CPU time so far belongs to earlier files
          cpuAtStart = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(id) : System.nanoTime();
        }
        if (threadId > 0 && cpuAtStart >= 0) {
          long now = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(threadId) : System.nanoTime();
          if (now - cpuAtStart > limit) {
            future.cancel(true);
            return failure.apply(path, "analysis used more than " + TimeUnit.NANOSECONDS.toSeconds(limit)
                + " s of CPU and was stopped (--timeout)");
          }
        }
      } catch (ExecutionException e) {
        return failure.apply(path, "internal error: " + e.getCause());
      }
    }
  }

  private static FileResult lintOne(Linter linter, Path file, Charset encoding, Path base) {
    String display = SourceFiles.display(file, base);
    String text;
    try {
      text = SourceFiles.read(file, encoding);
    } catch (IOException e) {
      return FileResult.error(display, 0, 0, SourceFiles.cannotRead(file, e));
    } catch (UncheckedIOException e) {
      return FileResult.error(display, 0, 0, SourceFiles.cannotRead(file, e.getCause()));
    } catch (OutOfMemoryError e) {
      return FileResult.error(display, 0, 0, "too large to read");
    }
    return linter.lint(display, text);
  }
}
