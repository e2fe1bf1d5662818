package dev.nanlint.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.nanlint.engine.BuiltInRules;
import dev.nanlint.engine.Config;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.Rule;
import dev.nanlint.engine.Severity;
import dev.nanlint.engine.SourceText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Runs the nanlint engine inside javac and reports each finding at its exact position, so Maven,
 * Gradle and IDEs show it on the right expression. Claims no annotations and never fails a build it
 * was not asked to fail ({@code -Ananlint.werror=true}): internal problems become a NOTE.
 *
 * <p>Speed: the engine parses each file again with JavaParser. That work runs on a background thread,
 * started when javac hands the file to processing, while javac goes on attributing and generating code
 * on its own thread; the findings are printed when javac finishes analysing the file (a
 * {@link TaskListener} on ANALYZE), so the cost mostly overlaps javac's own. See docs/performance.md.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class NanlintProcessor extends AbstractProcessor {
  static final String CONFIG = "nanlint.config";
  static final String DISABLE = "nanlint.disable";
  static final String ENABLE = "nanlint.enable";
  static final String SEVERITY = "nanlint.severity";
  static final String WERROR = "nanlint.werror";
  static final String WARNING_KIND = "nanlint.warningKind";
  static final String EXCLUDED_PATHS = "nanlint.excludedPaths";

  private final List<Rule> rules;
  private final Set<String> analysed = new HashSet<>();
  /** Files being analysed in the background, reported when javac has analysed them (or at the end). */
  private final Map<CompilationUnitTree, Analysis> pending = new IdentityHashMap<>();
  private ExecutorService workers;

  /** A file's findings on the way, with the text they were found in (read once: the file may change). */
  private record Analysis(String text, Future<FileResult> result) {}
  private Trees trees;
  private Linter linter;
  private boolean werror;
  private Diagnostic.Kind warningKind = Diagnostic.Kind.MANDATORY_WARNING;
  private Pattern excluded;

  public NanlintProcessor() {
    this(null);
  }

  /** For tests: run exactly these rules instead of the catalogue. */
  NanlintProcessor(List<Rule> rules) {
    this.rules = rules;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(CONFIG, DISABLE, ENABLE, SEVERITY, WERROR, WARNING_KIND, EXCLUDED_PATHS);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    try {
      trees = Trees.instance(JavacEnvironment.unwrap(env));
    } catch (Throwable e) { // Eclipse's compiler (no com.sun.source), or an unknown wrapper
      trees = null;
      note("nanlint: this compiler does not offer javac's Trees API (" + e.getClass().getSimpleName()
          + "), so nanlint does nothing here; run the nanlint command instead");
      return;
    }
    try {
      linter = new Linter(rules != null ? rules : BuiltInRules.withServiceLoaded(getClass().getClassLoader()),
          config(env));
      werror = Boolean.parseBoolean(env.getOptions().getOrDefault(WERROR, "false"));
      if ("WARNING".equalsIgnoreCase(env.getOptions().get(WARNING_KIND))) {
        warningKind = Diagnostic.Kind.WARNING;
      }
      String excludes = env.getOptions().get(EXCLUDED_PATHS);
      excluded = excludes == null || excludes.isBlank() ? null : Pattern.compile(excludes);
      overlapWithJavac(env);
    } catch (RuntimeException | IOException e) {
      linter = null;
      env.getMessager().printMessage(Diagnostic.Kind.WARNING, "nanlint: disabled by a configuration problem: " + e.getMessage());
    }
  }

  /** Reports each file's findings when javac has analysed it; without javac's task API, report at once. */
  private void overlapWithJavac(ProcessingEnvironment env) {
    try {
      JavacTask.instance(JavacEnvironment.unwrap(env)).addTaskListener(new TaskListener() {
        @Override
        public void finished(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANALYZE && e.getCompilationUnit() != null) {
            reportPending(e.getCompilationUnit());
          } else if (e.getKind() == TaskEvent.Kind.COMPILATION) {
            new ArrayList<>(pending.keySet()).forEach(NanlintProcessor.this::reportPending);
            workers.shutdownNow();
          }
        }
      });
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
      workers = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(null, r, "nanlint-analysis", 256L << 20); // deep expressions need a deep stack
        t.setDaemon(true);
        return t;
      });
    } catch (RuntimeException | LinkageError e) {
      workers = null; // analyse synchronously in process()
    }
  }

  private static Config config(ProcessingEnvironment env) throws IOException {
    var options = env.getOptions();
    Config config = options.containsKey(CONFIG) ? Config.load(Path.of(options.get(CONFIG))) : Config.defaults();
    if (options.containsKey(ENABLE)) {
      config = config.enable(Config.splitList(options.get(ENABLE)));
    }
    if (options.containsKey(DISABLE)) {
      config = config.disable(Config.splitList(options.get(DISABLE)));
    }
    if (options.containsKey(SEVERITY)) {
      for (String pair : Config.splitList(options.get(SEVERITY))) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("nanlint.severity expects Rule=level, got '" + pair + "'");
        }
        config = config.withSeverity(pair.substring(0, eq).trim(), Severity.parse(pair.substring(eq + 1)));
      }
    }
    return config;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (trees == null || linter == null) {
      return false;
    }
    for (Element element : round.getRootElements()) {
      CompilationUnitTree unit = null;
      try {
        TreePath path = trees.getPath(element);
        unit = path == null ? null : path.getCompilationUnit();
        if (unit != null && analysed.add(unit.getSourceFile().toUri().toString())) {
          analyse(unit);
        }
      } catch (IOException e) { // javac read it, but it is gone or locked now: say so, and go on
        note("nanlint: cannot read " + unit.getSourceFile().getName() + " (" + e + "), so it was not analysed");
      } catch (Throwable e) { // never break the user's build
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
          throw (VirtualMachineError) e;
        }
        note("nanlint: skipped " + (unit == null ? element : unit.getSourceFile().getName())
            + " after an internal error: " + e);
      }
    }
    return false;
  }

  private void analyse(CompilationUnitTree unit) throws IOException {
    String name = unit.getSourceFile().getName();
    if (excluded != null && excluded.matcher(name.replace('\\', '/')).find()) {
      return;
    }
    String text = unit.getSourceFile().getCharContent(true).toString();
    if (workers == null) {
      report(unit, text, linter.lint(name, text));
    } else {
      pending.put(unit, new Analysis(text, workers.submit(() -> linter.lint(name, text))));
    }
  }

  /** Prints a background analysis's findings; runs on javac's thread, as the Trees API requires. */
  private void reportPending(CompilationUnitTree unit) {
    Analysis analysis = pending.remove(unit);
    if (analysis == null) {
      return;
    }
    try {
      report(unit, analysis.text(), analysis.result().get());
    } catch (ExecutionException e) {
      note("nanlint: skipped " + unit.getSourceFile().getName() + " after an internal error: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | StackOverflowError e) {
      note("nanlint: skipped " + unit.getSourceFile().getName() + " after an internal error: " + e);
    }
  }

  private void report(CompilationUnitTree unit, String text, FileResult result) {
    SourceText source = new SourceText(text);
    String name = unit.getSourceFile().getName();
    for (Finding finding : result.findings()) {
      Diagnostic.Kind kind = finding.severity() == Severity.NOTE ? Diagnostic.Kind.NOTE
          : werror ? Diagnostic.Kind.ERROR : warningKind;
      // Error Prone style: a mechanical fix ends the message as the code to write; advice stays a fix: line
      String message = "[" + finding.rule() + "] " + finding.message() + (finding.hasEdit()
          ? "\n    Did you mean '" + finding.edit().replacement() + "'?"
          : "\n    fix: " + finding.fix());
      String where = "[" + finding.rule() + "] at " + name + ":" + finding.line();
      try {
        if (!sameLineAsJavac(unit, source, finding.line())) {
          note("nanlint: " + where + " is not on a line of the text javac compiled (did the file change during"
              + " the build?); reported without a column");
        } else {
          Tree tree = treeStartingAt(unit, source.offset(finding.line(), finding.column()));
          if (tree != null) {
            trees.printMessage(kind, message, tree, unit);
            continue;
          }
        }
      } catch (RuntimeException | StackOverflowError e) { // a javac tree nanlint did not expect
        note("nanlint: " + where + " could not be placed on javac's tree (" + e + "); reported without a column");
      }
      processingEnv.getMessager().printMessage(kind, name + ":" + finding.line() + ": " + message);
    }
    for (InputError error : result.errors()) {
      note("nanlint: " + name + (error.line() > 0 ? ":" + error.line() : "") + ": " + error.message());
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
    SourcePositions positions = trees.getSourcePositions();
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

  private void note(String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, message);
  }
}
