package dev.nanlint.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.nanlint.rules.BuiltInRules;
import dev.nanlint.engine.ConfigException;
import dev.nanlint.engine.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Runs the nanlint engine inside javac as an annotation processor, so a jar on Maven's
 * {@code annotationProcessorPaths} is all it takes: findings appear at their exact position in Maven,
 * Gradle and IDEs. Claims no annotations. Options are {@code -Ananlint.*} ({@link JavacOptions#ALL}).
 * When the same jar also runs as {@link NanlintPlugin} ({@code -Xplugin:Nanlint}), the processor stays
 * quiet, so nothing is reported twice. The work itself is {@link JavacReporter}'s.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class NanlintProcessor extends AbstractProcessor {
  private final List<Rule> rules;
  private Trees trees;
  /** javac's own environment, under a build tool's or an IDE's wrapper. */
  private ProcessingEnvironment javacEnv;
  private JavacReporter reporter;

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
    return JavacOptions.ALL;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    JavacTask task;
    ProcessingEnvironment javacEnv;
    try {
      javacEnv = JavacEnvironment.unwrap(env);
      trees = Trees.instance(javacEnv);
      task = JavacTask.instance(javacEnv);
    } catch (Throwable e) { // Eclipse's compiler (no com.sun.source), or an unknown wrapper
      trees = null;
      note("nanlint: this compiler does not offer javac's Trees API (" + e.getClass().getSimpleName()
          + "), so nanlint does nothing here; run the nanlint command instead");
      return;
    }
    this.javacEnv = javacEnv;
    if (NanlintPlugin.runsIn(task)) {
      NanlintPlugin.classOutputFinder(task, this::classOutput); // the plugin has no Filer
      return; // -Xplugin:Nanlint does the work in this compilation
    }
    List<Rule> catalogue;
    try {
      catalogue = rules != null ? rules : BuiltInRules.withServiceLoaded(getClass().getClassLoader());
    } catch (IllegalStateException e) { // a rule jar on the processor path that cannot load: the user's setup
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, "nanlint: " + e.getMessage());
      return;
    }
    try {
      reporter = new JavacReporter(task, catalogue,
          env.getOptions(), (kind, message, unit) -> env.getMessager().printMessage(kind, message));
    } catch (ConfigException e) { // a configuration the user must fix: fail the build, loudly
      reporter = null;
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, "nanlint: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) { // never break the user's build
      reporter = null;
      note("nanlint: not run after an internal error: " + e);
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (reporter == null) {
      return false;
    }
    for (Element element : round.getRootElements()) {
      try {
        TreePath path = trees.getPath(element);
        CompilationUnitTree unit = path == null ? null : path.getCompilationUnit();
        if (unit != null) {
          reporter.submit(unit);
        }
      } catch (RuntimeException | LinkageError | StackOverflowError e) { // never break the user's build
        note("nanlint: skipped " + element + " after an internal error: " + e);
      }
    }
    try {
      reporter.keepIndexBesideClassOutput(this::classOutput); // once there are files on disk
    } catch (RuntimeException | LinkageError e) { // never break the user's build: no index cache then
      note("nanlint: no index cache after an internal error: " + e);
    }
    return false;
  }

  /** Where javac writes classes, asked of javac's own Filer (not a build tool's wrapper): for the index cache. */
  private Optional<Path> classOutput() {
    try {
      return CompileIndexCache.classOutput(javacEnv.getFiler());
    } catch (RuntimeException | LinkageError e) { // never break the user's build: no cache then
      return Optional.empty();
    }
  }

  private void note(String message) {
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, message);
  }
}
