package dev.nanlint.analysis.models;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.nanlint.analysis.Api;
import dev.nanlint.analysis.Printed;
import java.util.Optional;

/**
 * Calls that test one value for NaN or infinity: java.lang's {@code Double}/{@code Float} {@code isNaN},
 * {@code isInfinite} and {@code isFinite}; Guava's {@code Doubles.isFinite}; EJML's
 * {@code UtilEjml.isUncountable} (NaN or infinite). Read by the flow (through the handlers) and by the
 * consequences of a value (a NaN that a test catches does not go on).
 */
public final class NanTests {
  static final String GUAVA_DOUBLES = "com.google.common.primitives.Doubles";
  static final String EJML = "org.ejml.UtilEjml";

  /** What a test is true for. */
  public enum Test {
    NAN, INFINITE, FINITE, NOT_FINITE;

    /**
     * Whether the test's {@code outcome} rules out every non-finite value a value can take: NaN when {@code nan},
     * an infinity when {@code infinite}.
     */
    public boolean excludes(boolean outcome, boolean nan, boolean infinite) {
      return switch (this) {
        case FINITE -> outcome;
        case NOT_FINITE -> !outcome;
        case NAN -> !outcome && !infinite;
        case INFINITE -> !outcome && !nan;
      };
    }
  }

  private NanTests() {}

  /** The test {@code call} makes of its one argument, if it is one. */
  public static Optional<Test> of(MethodCallExpr call, Api api) {
    if (call.getArguments().size() != 1 || call.getScope().isEmpty()) {
      return Optional.empty();
    }
    String name = call.getNameAsString();
    String scope = Printed.ofName(call.getScope().get());
    if (java.util.Arrays.asList(JavaLangHandler.BOXES).contains(scope)) {
      return switch (name) {
        case "isNaN" -> Optional.of(Test.NAN);
        case "isInfinite" -> Optional.of(Test.INFINITE);
        case "isFinite" -> Optional.of(Test.FINITE);
        default -> Optional.empty();
      };
    }
    if (name.equals("isFinite") && api.isStaticCallOn(call, GUAVA_DOUBLES)) {
      return Optional.of(Test.FINITE);
    }
    return name.equals("isUncountable") && api.isStaticCallOn(call, EJML) ? Optional.of(Test.NOT_FINITE)
        : Optional.empty();
  }
}
