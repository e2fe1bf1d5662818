package dev.nanlint.processor;

import com.github.javaparser.ast.CompilationUnit;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.nanlint.analysis.index.IndexCache;
import dev.nanlint.analysis.index.IndexedSummaries;
import dev.nanlint.analysis.index.ProjectIndex;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.FailOn;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.Severity;
import dev.nanlint.engine.SourceText;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * What the processor and the plugin share: runs the engine on each compilation unit javac hands over and
 * prints each finding on javac's tree at its exact position. The rules read JavaParser's AST, which
 * {@link JavacToJavaParser} builds from javac's own tree on javac's thread (javac's trees are not
 * thread-safe); the rules then run on a background thread while javac goes on with its own work. A file the
 * converter cannot take is parsed with JavaParser on that thread instead. The findings are printed when javac
 * finishes analysing the file (a {@link TaskListener} on ANALYZE), or at the end of the compilation. Findings at
 * or above {@code failOn} are errors and fail the build, as does a configuration nanlint refuses; nothing else
 * does: internal problems become a NOTE.
 */
final class JavacReporter {
  /**
   * How much source may wait for analysis as converted ASTs, in characters: about 25,000 lines, some 25-50
   * MB of AST (JavaParser's AST without tokens takes about 25 bytes per source character, measured on
   * tribuo-core). Beyond that javac's thread waits for the oldest analyses: javac parses every file before
   * it analyses any, and a build's heap is shared with Maven or the IDE.
   */
  private static final long MAX_RUNNING_CHARS = 1_000_000;
  private final Trees trees;
  /** javac's positions, taken on javac's thread; read by the converter thread. */
  private final SourcePositions positions;
  private final List<Rule> rules;
  private final JavacOptions options;
  /** Set once the configuration is read: at once for nanlint.config, else on the first file (found above it). */
  private Linter linter;
  /**
   * The declarations of every file of the compilation (the project index), recorded on the converter thread
   * as each file is converted: complete once every conversion is, which javac's first ANALYZE follows closely.
   */
  private final ProjectIndex index = new ProjectIndex();
  /** Every conversion started, to know when the index is complete. */
  private final List<Future<?>> allConversions = new ArrayList<>();
  /** The second pass's summaries, built once the index is complete and a file first needs them. */
  private IndexedSummaries summaries;
  /** The linter with {@link #summaries}, for the files checked again. */
  private Linter withSummaries;
  private ProjectIndex.Plan plan;
  private int checkedAgain;
  /**
   * The index kept between compiles under the build output ({@link CompileIndexCache}), so an incremental
   * compile knows the files it does not compile; null when there is no class output directory to keep it by.
   */
  private CompileIndexCache indexCache;
  /** The files of this compile on disk, by the name the index knows them by, and their stamps when read. */
  private final Map<String, Path> compiledFiles = new HashMap<>();
  private final Map<String, IndexCache.Stamp> compiledStamps = new HashMap<>();
  private int fromIndexCache;
  private Config config;
  private FailOn failOn;
  /** The configuration was refused (a javac error says why): nothing is analysed. */
  private boolean refused;
  private final Printer printer;
  private final Set<String> analysed = new HashSet<>();
  /** The units analysed, by the name their findings carry: where a callee's text is read in the second pass. */
  private final Map<String, JavaFileObject> sources = new HashMap<>();
  /** Files being analysed in the background, reported when javac has analysed them (or at the end). */
  private final Map<CompilationUnitTree, Analysis> pending = new IdentityHashMap<>();
  /** Analyses not finished yet, oldest first: each holds a converted AST as big as its text. */
  private final Deque<Analysis> running = new ArrayDeque<>();
  private long runningChars;
  private ExecutorService workers;
  /**
   * Converts javac's trees, one file after another, while javac goes on (parsing the next files, entering
   * them, attributing others). javac changes a file's trees when it attributes and desugars its classes,
   * so before it attributes a file its thread waits for that file's conversion ({@link #awaitConversion}).
   * Entering other files only sets symbols and may prepend a generated constructor to a class's member list
   * (the converter skips members without positions); should the converter ever read a tree in an
   * unexpected state, it fails, and the file is parsed again instead.
   */
  private ExecutorService converter;
  private final Map<CompilationUnitTree, Future<?>> conversions = new IdentityHashMap<>();
  private final AtomicInteger fromJavacTrees = new AtomicInteger();
  private final AtomicInteger parsedAgain = new AtomicInteger();
  private CompilationUnitTree lastUnit;
  /** For the stats note: time spent converting (on the converter thread), and javac's thread waiting. */
  private final AtomicLong convertingNanos = new AtomicLong();
  private long waitingNanos;

  /** Prints a message placed on no tree: the processor through its Messager, the plugin on the file. */
  interface Printer {
    void print(Diagnostic.Kind kind, String message, CompilationUnitTree unit);
  }

  /** A file's findings on the way, with the text they were found in (read once: the file may change). */
  private record Analysis(SourceText source, Future<FileResult> result) {}

  /**
   * @param options the {@code nanlint.*} options ({@link JavacOptions#ALL}); a bad one, or a configuration file
   *     {@code nanlint.config} names that is missing or invalid, throws ConfigException with a message for the user
   */
  JavacReporter(JavacTask task, List<Rule> rules, Map<String, String> options, Printer printer) throws ConfigException {
    this.trees = Trees.instance(task);
    this.positions = trees.getSourcePositions();
    this.printer = printer;
    this.rules = rules;
    this.options = JavacOptions.parse(options, rules);
    if (this.options.configFile != null) {
      try {
        configure(Config.load(this.options.configFile, rules));
      } catch (ConfigException e) {
        throw e.line() > 0 ? e : new ConfigException(e.source(), 0, e.problem() + " (named by nanlint.config;"
            + " without that option nanlint reads the nearest nanlint.properties above the sources, if any)");
      }
    }
    if (this.options.indexCacheFile != null) {
      indexCache = CompileIndexCache.at(this.options.indexCacheFile);
    }
    overlapWithJavac(task);
  }

  private void configure(Config file) throws ConfigException {
    config = options.configure(file);
    failOn = options.failOn(config);
    linter = new Linter(rules, config);
  }

  /**
   * Reads the configuration on the first file when {@code nanlint.config} named none: the nearest
   * nanlint.properties above that file (up to its repository's root), or the defaults. javac compiles one
   * module at a time, so every file of a compilation gets the same one. False when it was refused.
   */
  private boolean configured(CompilationUnitTree unit) {
    if (linter != null || refused) {
      return !refused;
    }
    try {
      Path file = sourcePath(unit);
      Optional<Path> found = file == null ? Optional.empty() : Config.find(file.getParent());
      configure(found.isPresent() ? Config.load(found.get(), rules) : Config.defaults());
      return true;
    } catch (ConfigException e) {
      refused = true;
      printer.print(Diagnostic.Kind.ERROR, "nanlint: " + e.getMessage(), unit);
      return false;
    }
  }

  /** The source file's path, when it is a file on disk (not one in memory or in a jar). */
  private static Path sourcePath(CompilationUnitTree unit) {
    try {
      URI uri = unit.getSourceFile().toUri();
      return "file".equals(uri.getScheme()) ? Path.of(uri).toAbsolutePath().normalize() : null;
    } catch (RuntimeException e) { // a file object without a usable URI
      return null;
    }
  }

  /** True when the configuration's exclude globs or {@code nanlint.excludedPaths} skip this file. */
  private boolean excluded(CompilationUnitTree unit, String name) {
    if (options.excludedPaths != null && options.excludedPaths.matcher(name.replace('\\', '/')).find()) {
      return true;
    }
    if (config.excludes().isEmpty()) {
      return false;
    }
    Path file = sourcePath(unit);
    if (file == null) {
      return config.excludes(Path.of(name));
    }
    // relative to the configuration file's directory (the project root), or the full path
    Path base = config.file().map(f -> f.toAbsolutePath().normalize().getParent()).orElse(null);
    return (base != null && file.startsWith(base) && config.excludes(base.relativize(file))) || config.excludes(file);
  }

  /** Reports each file's findings when javac has analysed it; without javac's task events, at once. */
  private void overlapWithJavac(JavacTask task) {
    try {
      task.addTaskListener(new TaskListener() {
        @Override
        public void started(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getCompilationUnit() != null) {
            awaitConversion(e.getCompilationUnit()); // javac is about to change this file's trees
          }
        }

        @Override
        public void finished(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getCompilationUnit() != null) {
            reportPending(e.getCompilationUnit());
          } else if (e.getKind() == TaskEvent.Kind.COMPILATION) {
            new ArrayList<>(conversions.keySet()).forEach(JavacReporter.this::awaitConversion);
            new ArrayList<>(pending.keySet()).forEach(JavacReporter.this::reportPending);
            workers.shutdownNow();
            converter.shutdownNow();
            writeIndexCache();
            if (options.stats && lastUnit != null) {
              note(lastUnit, "nanlint: " + fromJavacTrees + " files analysed from javac's trees, " + parsedAgain
                  + " parsed again by JavaParser; " + checkedAgain + " checked again with other files' summaries"
                  + (indexCache == null ? "" : " (" + fromIndexCache + " files from the index cache"
                      + (indexCache.wasFromAnotherVersion() ? ", which another nanlint version wrote: not used" : "")
                      + ")") + "; "
                  + convertingNanos.get() / 1_000_000 + " ms converting trees,"
                  + " javac's thread waited " + waitingNanos / 1_000_000 + " ms for nanlint");
            }
          }
        }
      });
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
      workers = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(null, r, "nanlint-analysis", 256L << 20); // deep expressions need a deep stack
        t.setDaemon(true);
        return t;
      });
      converter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "nanlint-convert", 256L << 20);
        t.setDaemon(true);
        return t;
      });
    } catch (RuntimeException | LinkageError e) {
      workers = null; // convert and analyse synchronously in submit()
    }
  }

  /**
   * Starts the analysis of {@code unit} (once per file, whatever the rounds). Any problem becomes a NOTE:
   * a file nanlint cannot read or analyse never breaks the build.
   */
  void submit(CompilationUnitTree unit) {
    String name = unit.getSourceFile().getName();
    try {
      if (!analysed.add(unit.getSourceFile().toUri().toString())) {
        return;
      }
      Path file = sourcePath(unit);
      if (file != null) { // this compile's files win over the index cache's, even those not analysed
        compiledFiles.put(name, file);
        IndexCache.Stamp.of(file).ifPresent(stamp -> compiledStamps.put(name, stamp));
      }
      if (!configured(unit) || excluded(unit, name)) {
        return;
      }
      String text = unit.getSourceFile().getCharContent(true).toString();
      if (Linter.isGenerated(text)) {
        return; // as the command: a generated file's generator would have to change
      }
      lastUnit = unit;
      sources.put(name, unit.getSourceFile()); // the file object, not its tree: javac may let trees go
      SourceText source = new SourceText(text); // one line index per file: converter, rules and report share it
      if (workers == null) {
        report(unit, source, analysis(unit, name, source).get());
      } else {
        long waitStart = System.nanoTime();
        waitWhileBusy(text.length());
        waitingNanos += System.nanoTime() - waitStart;
        // converted on the converter thread, analysed on a worker; a failure in either completes the result
        CompletableFuture<Supplier<FileResult>> conversion =
            CompletableFuture.supplyAsync(() -> analysis(unit, name, source), converter);
        conversions.put(unit, conversion);
        allConversions.add(conversion);
        Analysis analysis = new Analysis(source, conversion.thenApplyAsync(Supplier::get, workers));
        running.addLast(analysis);
        runningChars += text.length();
        pending.put(unit, analysis);
      }
    } catch (IOException e) { // javac read it, but it is gone or locked now: say so, and go on
      note(unit, "nanlint: cannot read " + name + " (" + e + "), so it was not analysed");
    } catch (Throwable e) { // never break the user's build
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        throw (VirtualMachineError) e;
      }
      note(unit, "nanlint: skipped " + name + " after an internal error: " + e);
    }
  }

  /** The analysis of one file: on the AST converted from javac's tree, or after parsing it again. */
  private Supplier<FileResult> analysis(CompilationUnitTree unit, String name, SourceText source) {
    long start = System.nanoTime();
    CompilationUnit converted = converted(unit, source);
    if (converted == null) { // parsed here, so its declarations enter the index with the others'
      converted = Linter.parse(source.text()).orElse(null);
      parsedAgain.incrementAndGet();
      if (converted == null) {
        convertingNanos.addAndGet(System.nanoTime() - start);
        return () -> linter.lint(name, source.text()); // reports the parse error
      }
    } else {
      fromJavacTrees.incrementAndGet();
    }
    try {
      index.parsed(name, converted);
    } catch (RuntimeException e) { // the file stays out of the project index; its own analysis goes on
      // (calls into it stay unknown, as for a file not in this compilation)
    }
    convertingNanos.addAndGet(System.nanoTime() - start);
    CompilationUnit parsed = converted;
    return () -> linter.check(name, parsed, source);
  }

  /** Waits until {@code unit} is converted: javac is about to change its trees. */
  private void awaitConversion(CompilationUnitTree unit) {
    Future<?> conversion = conversions.remove(unit);
    if (conversion == null) {
      return;
    }
    long start = System.nanoTime();
    try {
      conversion.get();
    } catch (ExecutionException e) {
      // the file's result carries the problem
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    waitingNanos += System.nanoTime() - start;
  }

  /**
   * JavaParser's AST built from javac's tree, or null when the converter leaves the file to JavaParser
   * (a construct it does not know, or nesting too deep for this thread's stack).
   */
  private CompilationUnit converted(CompilationUnitTree unit, SourceText source) {
    try {
      return JavacToJavaParser.convert(unit, positions, source);
    } catch (RuntimeException | StackOverflowError e) { // Unsupported, or a tree it did not expect
      return null;
    }
  }

  /** Waits for the oldest analyses while too much source waits as converted ASTs ({@link #MAX_RUNNING_CHARS}). */
  private void waitWhileBusy(int chars) throws InterruptedException {
    for (var i = running.iterator(); i.hasNext(); ) {
      Analysis analysis = i.next();
      if (analysis.result().isDone()) {
        runningChars -= analysis.source().text().length();
        i.remove();
      }
    }
    while (!running.isEmpty() && runningChars + chars > MAX_RUNNING_CHARS) {
      Analysis oldest = running.removeFirst();
      runningChars -= oldest.source().text().length();
      try {
        oldest.result().get();
      } catch (ExecutionException e) {
        // reported with the file's findings
      }
    }
  }

  /** Prints a background analysis's findings; runs on javac's thread, as the Trees API requires. */
  private void reportPending(CompilationUnitTree unit) {
    Analysis analysis = pending.remove(unit);
    if (analysis == null) {
      return;
    }
    try {
      long start = System.nanoTime();
      FileResult result = analysis.result().get();
      waitingNanos += System.nanoTime() - start;
      report(unit, analysis.source(), withOtherFiles(result, analysis.source()));
    } catch (ExecutionException e) {
      note(unit, "nanlint: skipped " + unit.getSourceFile().getName() + " after an internal error: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | StackOverflowError e) {
      note(unit, "nanlint: skipped " + unit.getSourceFile().getName() + " after an internal error: " + e);
    }
  }

  /**
   * The second pass, as the command's: a file whose operands call methods of other files is checked again
   * with their summaries. It waits until every file of the compilation is converted (so the index is
   * complete); the summaries are built once, from the callees' text. Files not in this compilation are
   * unknown. Any problem leaves the first pass's result: the second pass can only sharpen it.
   */
  private FileResult withOtherFiles(FileResult first, SourceText source) {
    if (workers == null || !index.dependsOnOthers(first.path())) {
      return first;
    }
    try {
      if (summaries == null) {
        long start = System.nanoTime();
        for (Future<?> conversion : allConversions) {
          try {
            conversion.get();
          } catch (ExecutionException e) {
            // that file's own result says so; its declarations are unknown
          }
        }
        if (indexCache != null) {
          fromIndexCache = indexCache.addEarlierFiles(index, new HashSet<>(compiledFiles.values()));
        }
        waitingNanos += System.nanoTime() - start;
        plan = index.plan(sources.keySet()); // the files of this compile; the cache's only answer their calls
        summaries = IndexedSummaries.build(index, plan, this::parsedFile);
        withSummaries = linter.withProject(summaries);
      }
      if (!plan.dependents().contains(first.path()) || summaries.size() == 0) {
        return first;
      }
      Optional<CompilationUnit> parsed = Linter.parse(source.text());
      if (parsed.isEmpty()) {
        return first;
      }
      checkedAgain++;
      return withSummaries.check(first.path(), parsed.get(), source);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return first;
    } catch (RuntimeException | StackOverflowError e) { // never break the user's build: the first pass stands
      return first;
    }
  }

  /** A callee's file parsed again, to summarise the methods other files call; null when it cannot be. */
  private CompilationUnit parsedFile(String path) {
    String text = textOf(path);
    return text == null ? null : Linter.parse(text).orElse(null);
  }

  /** The text of a callee's file: one of this compilation, else one of the index cache (read from disk). */
  private String textOf(String path) {
    JavaFileObject file = sources.get(path);
    try {
      return file != null ? file.getCharContent(true).toString() : indexCache != null ? indexCache.textOf(path) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Keeps the index beside the class output directory that {@code find} returns, for the next compile; called
   * before javac analyses the first file (by the processor, when javac starts processing). {@code find} is
   * only asked when this compile has source files on disk: asking javac's Filer where a file would go makes an
   * in-memory file manager (compile-testing's) list it as generated.
   */
  void keepIndexBesideClassOutput(Supplier<Optional<Path>> find) {
    if (indexCache == null && options.indexCacheFile == null && !options.noIndexCache && !compiledFiles.isEmpty()) {
      indexCache = find.get().flatMap(CompileIndexCache::forClassOutput).orElse(null);
    }
  }

  /** Writes the index cache at the end of the compilation; a problem is a note, never a failure. */
  private void writeIndexCache() {
    if (indexCache == null || lastUnit == null) {
      return; // nothing was analysed (every file excluded, or the configuration refused)
    }
    try {
      indexCache.write(index, compiledFiles, compiledStamps);
    } catch (RuntimeException e) { // write() catches what it expects; this is a bug, not the user's problem
      note(lastUnit, "nanlint: the index cache was not written after an internal error: " + e);
      return;
    }
    if (indexCache.problem() != null) {
      note(lastUnit, "nanlint: " + indexCache.problem());
    }
  }

  private void report(CompilationUnitTree unit, SourceText source, FileResult result) {
    String name = unit.getSourceFile().getName();
    for (Finding finding : result.findings()) {
      Diagnostic.Kind kind = failOn.fails(finding.severity()) ? Diagnostic.Kind.ERROR
          : finding.severity() == Severity.NOTE ? Diagnostic.Kind.NOTE : options.warningKind;
      // Error Prone style: a mechanical fix ends the message as the code to write; advice stays a fix: line
      String message = "[" + finding.rule() + "] " + finding.message() + (finding.hasEdit()
          ? "\n    Did you mean '" + finding.edit().replacement() + "'?"
          : "\n    fix: " + finding.fix());
      String where = "[" + finding.rule() + "] at " + name + ":" + finding.line();
      try {
        if (!sameLineAsJavac(unit, source, finding.line())) {
          note(unit, "nanlint: " + where + " is not on a line of the text javac compiled (did the file change"
              + " during the build?); reported without a column");
        } else {
          Tree tree = treeStartingAt(unit, source.offset(finding.line(), finding.column()));
          if (tree != null) {
            trees.printMessage(kind, message, tree, unit);
            continue;
          }
        }
      } catch (RuntimeException | StackOverflowError e) { // a javac tree nanlint did not expect
        note(unit, "nanlint: " + where + " could not be placed on javac's tree (" + e + "); reported without a column");
      }
      printer.print(kind, name + ":" + finding.line() + ": " + message, unit);
    }
    for (InputError error : result.errors()) {
      note(unit, "nanlint: " + name + (error.line() > 0 ? ":" + error.line() : "") + ": " + error.message());
    }
  }

  /**
   * True when {@code line} starts at the same offset in the text nanlint analysed as in the text javac
   * parsed (javac's line map), so an offset in one names the same code in the other.
   */
  private static boolean sameLineAsJavac(CompilationUnitTree unit, SourceText source, int line) {
    LineMap lines = unit.getLineMap();
    if (lines == null) {
      return true; // nothing to compare with: trust the text
    }
    if (line < 1 || line > source.lineCount()) {
      return false;
    }
    try {
      return lines.getStartPosition(line) == source.offset(line, 1);
    } catch (IndexOutOfBoundsException e) { // javac's text has fewer lines
      return false;
    }
  }

  /**
   * The innermost javac tree that starts exactly at {@code offset}. Innermost means a leaf such as the
   * identifier {@code Math} of {@code Math.log(p)}, whose preferred position is its start, so javac
   * prints the same line and column as the nanlint command does.
   */
  private Tree treeStartingAt(CompilationUnitTree unit, long offset) {
    Tree[] best = new Tree[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null) {
          return null;
        }
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start == offset) {
          best[0] = tree;
        }
        if (start <= offset && (offset < end || end < 0)) {
          return super.scan(tree, unused);
        }
        return null;
      }
    }.scan(unit, null);
    return best[0];
  }

  private void note(CompilationUnitTree unit, String message) {
    printer.print(Diagnostic.Kind.NOTE, message, unit);
  }
}
