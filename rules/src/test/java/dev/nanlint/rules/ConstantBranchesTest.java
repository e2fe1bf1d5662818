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
        boolean shadowedByALocal(double x) { boolean DEBUG = x > 0; if (DEBUG) { return x == Double.NaN; } return false; }
        """, Config.defaults());
    // underTrue, underField, orTrue, shadowedByALocal: lines 10 to 13 (the class line is 2)
    assertEquals(List.of(10, 11, 12, 13), findings.stream().map(Finding::line).toList());
  }
}
