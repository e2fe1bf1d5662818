package dev.nanlint.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.DidYouMean;
import dev.nanlint.engine.Rule;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javax.tools.Diagnostic;

/**
 * The same analysis as {@link NanlintProcessor}, as a javac plugin: {@code -Xplugin:Nanlint} with the jar on
 * the processor path (like Error Prone). It needs no annotation processing, so with {@code -proc:none} a
 * build skips the second "enter" of every class that any processor costs javac (measured +15% on
 * tribuo-core, docs/performance.md), and it starts each file's analysis as soon as javac has parsed it.
 * Options are the processor's, as plugin arguments with or without the {@code nanlint.} prefix:
 * {@code -Xplugin:"Nanlint disable=UnguardedLog werror=true"}.
 */
@AutoService(Plugin.class)
public final class NanlintPlugin implements Plugin {
  /** Compilations this plugin runs in: the processor, found on the same path, then stays quiet. */
  private static final Set<JavacTask> RUNNING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** This plugin's analysis in each compilation it runs in, to hand it what only the processor can find. */
  private static final Map<JavacTask, JavacReporter> REPORTERS = Collections.synchronizedMap(new WeakHashMap<>());

  static boolean runsIn(JavacTask task) {
    return RUNNING.contains(task);
  }

  /**
   * How to find the class output directory, which a plugin cannot ask javac for (no Filer): the processor, on
   * the same path and quiet in this compilation, hands it over when annotation processing is on, before javac
   * analyses any file. With {@code -proc:none} the plugin keeps an index cache only where
   * {@code indexCache=FILE} says.
   */
  static void classOutputFinder(JavacTask task, Supplier<Optional<Path>> find) {
    JavacReporter reporter = REPORTERS.get(task);
    if (reporter != null) {
      reporter.keepIndexBesideClassOutput(find);
    }
  }

  @Override
  public String getName() {
    return "Nanlint";
  }

  @Override
  public void init(JavacTask task, String... args) {
    RUNNING.add(task);
    Trees trees = Trees.instance(task);
    JavacReporter.Printer printer = (kind, message, unit) -> trees.printMessage(kind, message, unit, unit);
    JavacReporter reporter = null;
    Diagnostic.Kind kind = null;
    String problem = null;
    List<Rule> catalogue = null;
    try {
      catalogue = BuiltInRules.withServiceLoaded(getClass().getClassLoader());
    } catch (IllegalStateException e) { // a rule jar on the processor path that cannot load: the user's setup
      kind = Diagnostic.Kind.ERROR;
      problem = "nanlint: " + e.getMessage();
    }
    try {
      reporter = catalogue == null ? null : new JavacReporter(task, catalogue, options(args), printer);
    } catch (ConfigException e) { // a configuration the user must fix: fail the build, loudly
      kind = Diagnostic.Kind.ERROR;
      problem = "nanlint: " + e.getMessage();
    } catch (RuntimeException | LinkageError e) { // never break the user's build
      kind = Diagnostic.Kind.NOTE;
      problem = "nanlint: not run after an internal error: " + e;
    }
    JavacReporter analysis = reporter;
    if (reporter != null) {
      REPORTERS.put(task, reporter);
    }
    Diagnostic.Kind problemKind = kind;
    String message = problem;
    task.addTaskListener(new TaskListener() {
      private boolean warned;

      @Override
      public void finished(TaskEvent e) {
        CompilationUnitTree unit = e.getCompilationUnit();
        if (e.getKind() != TaskEvent.Kind.PARSE || unit == null) {
          return;
        }
        if (analysis != null) {
          analysis.submit(unit);
        } else if (!warned) { // a plugin has no place to print but a file: the first one
          warned = true;
          printer.print(problemKind, message, unit);
        }
      }
    });
  }

  /** {@code key=value} arguments as {@code nanlint.key} options; anything else is a configuration error. */
  static Map<String, String> options(String... args) throws ConfigException {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq).trim();
      String name = key.startsWith("nanlint.") ? key : "nanlint." + key;
      if (eq < 0 || !JavacOptions.ALL.contains(name)) {
        List<String> keys = JavacOptions.ALL.stream().map(o -> o.substring("nanlint.".length())).sorted().toList();
        throw new ConfigException("-Xplugin:Nanlint", 0, "unknown plugin argument '" + arg + "'"
            + DidYouMean.hint(key.replaceFirst("^nanlint\\.", ""), keys) + "; expected key=value with a key among " + keys);
      }
      options.put(name, arg.substring(eq + 1).trim());
    }
    return options;
  }
}
