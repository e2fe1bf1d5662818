package dev.nanlint.engine;

import java.util.Locale;

/** How serious a finding is. Ordered from least to most severe. */
public enum Severity {
  NOTE,
  WARNING,
  ERROR;

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  /** Lower-case name, as printed in reports ("warning"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "error", "WARNING", "note" (case-insensitive). */
  public static Severity parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + text + "' (expected error, warning or note)", e);
    }
  }
}
