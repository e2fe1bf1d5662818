package dev.nanlint.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * IntelliJ hands processors a java.lang.reflect.Proxy around javac's environment, Gradle a delegating
 * wrapper class; javac's Trees API accepts neither. nanlint must unwrap both and still report.
 */
class WrappedEnvironmentTest {
  private static final JavaFileObject LOSS = JavaFileObjects.forSourceLines("demo.Loss",
      "package demo;",
      "class Loss { interface Model { double[] output(); }",
      "  double crossEntropy(Model model, int label) { double[] probs = model.output(); return -Math.log(probs[label]); }",
      "}");

  /** Runs nanlint behind whatever wrapper {@code wrap} puts around the environment. */
  static final class Wrapping extends AbstractProcessor {
    private final NanlintProcessor nanlint = new NanlintProcessor();
    private final UnaryOperator<ProcessingEnvironment> wrap;

    Wrapping(UnaryOperator<ProcessingEnvironment> wrap) {
      this.wrap = wrap;
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      nanlint.init(wrap.apply(env));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return nanlint.process(annotations, round);
    }
  }

  /** The shape of Gradle's IncrementalProcessingEnvironment: a class that forwards to a field. */
  static final class GradleStyle implements ProcessingEnvironment {
    private final ProcessingEnvironment delegate;

    GradleStyle(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override public Map<String, String> getOptions() { return delegate.getOptions(); }
    @Override public Messager getMessager() { return delegate.getMessager(); }
    @Override public Filer getFiler() { return delegate.getFiler(); }
    @Override public Elements getElementUtils() { return delegate.getElementUtils(); }
    @Override public Types getTypeUtils() { return delegate.getTypeUtils(); }
    @Override public SourceVersion getSourceVersion() { return delegate.getSourceVersion(); }
    @Override public Locale getLocale() { return delegate.getLocale(); }
  }

  @Test
  void intellijStyleProxy() {
    assertReports(env -> (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> method.invoke(env, args)));
  }

  @Test
  void gradleStyleWrapper() {
    assertReports(GradleStyle::new);
  }

  private static void assertReports(UnaryOperator<ProcessingEnvironment> wrap) {
    Compilation compilation = javac().withProcessors(new Wrapping(wrap)).compile(LOSS);
    assertEquals(Compilation.Status.SUCCESS, compilation.status());
    assertTrue(compilation.diagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING
        && d.getMessage(Locale.ROOT).startsWith("[UnguardedLog]") && d.getLineNumber() == 3),
        compilation.diagnostics()::toString);
  }
}
