package dev.nanlint.rules;

import dev.nanlint.engine.Config;
import dev.nanlint.engine.Rule;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration keys that choose the level of a kind of finding: {@code note} (the default) or
 * {@code warning}, such as {@code UnguardedDivision.shapeOnly}; and the check of a threshold a rule reads
 * as a positive number ({@code HighLearningRate.adam = 0.1}).
 */
final class Levels {
  private static final String NOTE = "note";
  private static final String WARNING = "warning";

  private Levels() {}

  /**
   * A rule that reports a finding with no mechanism behind it (only a shape) as a note, and declares the key
   * that makes such findings warnings again ({@code <Rule>.shapeOnly = warning}).
   */
  interface ShapeOnlyLevel extends Rule {
    /** The rule's {@code <Rule>.shapeOnly} key. */
    String shapeOnlyKey();

    @Override
    default Set<String> configKeys() {
      return Set.of(shapeOnlyKey());
    }

    @Override
    default String checkConfig(String key, String value) {
      return check(key, value);
    }
  }

  /** Whether the user chose {@code warning} for {@code key}. */
  static boolean isWarning(Config config, String key) {
    return config.property(key, NOTE).trim().toLowerCase(Locale.ROOT).equals(WARNING);
  }

  /** Why {@code value} is not a level for {@code key}, or null when it is one. */
  static String check(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.equals(NOTE) || v.equals(WARNING) ? null
        : "'" + value.trim() + "' is not a level for " + key + " (expected note or warning)";
  }

  /**
   * Why {@code value} is not a positive finite number, or null when it is one; {@code what} names what it
   * configures ("a learning rate") and {@code example} is a value that would do.
   */
  static String checkPositive(String value, String what, String example) {
    try {
      double v = Double.parseDouble(value.trim());
      if (v > 0 && !Double.isInfinite(v)) {
        return null;
      }
    } catch (NumberFormatException e) {
      // not a number: say so below
    }
    return "'" + value.trim() + "' is not " + what + " (expected a positive number such as " + example + ")";
  }
}
