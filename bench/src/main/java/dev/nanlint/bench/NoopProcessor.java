package dev.nanlint.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor that does nothing, for the benchmark's "javac + no-op processor" row: it
 * separates what merely turning annotation processing on costs javac (processing rounds, kept trees) from
 * what nanlint's processor adds. Like nanlint's, it asks for every annotation type ("*") and claims none.
 * Used as {@code javac -processorpath bench/target/classes -processor dev.nanlint.bench.NoopProcessor};
 * deliberately not registered in META-INF/services.
 */
@SupportedAnnotationTypes("*")
public final class NoopProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    return false;
  }
}
