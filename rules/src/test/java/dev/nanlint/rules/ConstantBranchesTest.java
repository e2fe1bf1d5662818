package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code in a branch a compile-time constant rules out never runs (javac compiles it out): nothing is reported there. */
class ConstantBranchesTest {
  @Test
  void onlyTheBranchesAConstantCanTakeAreReported() {
    List<Finding> findings = RuleFindings.of("NaNEquality", "", "Flags", """
        static final boolean DEBUG = false;
        static final boolean ON = true;
        boolean flag = false;
        boolean underFalse(double x) { if (DEBUG) { return x == Double.NaN; } return false; }
        boolean underNotTrue(double x) { if (!ON) { return x == Double.NaN; } return false; }
        boolean elseOfTrue(double x) { if (ON) { return false; } else { return x == Double.NaN; } }
        boolean andFalse(double x, boolean b) { return b && DEBUG ? x == Double.NaN : false; }
        boolean underTrue(double x) { if (ON) { return x == Double.NaN; } return false; }
        boolean underField(double x) { if (flag) { return x == Double.NaN; } return false; }
        boolean orTrue(double x, boolean b) { if (b || ON) { return x == Double.NaN; } return false; }
        """, Config.defaults());
    // underTrue, underField, orTrue: lines 10 to 12 (the class line is 2)
    assertEquals(List.of(10, 11, 12), findings.stream().map(Finding::line).toList());
  }

  /** When anything in the class declares the flag's name again, the name may mean that: nothing is a constant. */
  @Test
  void aNameTheClassDeclaresAgainIsNotAConstant() {
    List<Finding> findings = RuleFindings.of("NaNEquality", "", "Shadows", """
        static final boolean DEBUG = false;
        boolean shadowedByALocal(double x) { boolean DEBUG = x > 0; if (DEBUG) { return x == Double.NaN; } return false; }
        java.util.function.Predicate<Boolean> lambda(double x) { return DEBUG -> { if (DEBUG) { return x == Double.NaN; } return false; }; }
        boolean pattern(Object o, double x) { if (o instanceof Boolean DEBUG && DEBUG) { return x == Double.NaN; } return false; }
        Object anonymous(double x) {
          return new Object() { boolean DEBUG = true; boolean f() { if (DEBUG) { return x == Double.NaN; } return false; } };
        }
        """, Config.defaults());
    assertEquals(List.of(4, 5, 6, 8), findings.stream().map(Finding::line).toList());
  }

  @Test
  void aFlagOfAnotherKindOfTypeIsNotAConstant() {
    List<Finding> findings = RuleFindings.of("NaNEquality", "", "Outer", """
        static final boolean DEBUG = false;
        enum Mode { A; final boolean DEBUG = true; boolean f(double x) { if (DEBUG) { return x == Double.NaN; } return false; } }
        record Pair(boolean DEBUG) { boolean f(double x) { if (DEBUG) { return x == Double.NaN; } return false; } }
        """, Config.defaults());
    assertEquals(List.of(4, 5), findings.stream().map(Finding::line).toList());
  }
}
