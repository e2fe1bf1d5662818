package dev.nanlint.engine;

import java.util.Locale;

/**
 * The least severe finding that fails: the command's {@code --fail-on}, the processor's {@code nanlint.failOn}
 * and the configuration's {@code failOn}. {@link #NEVER}: no finding fails.
 */
public enum FailOn {
  ERROR,
  WARNING,
  NOTE,
  NEVER;

  /** True when a finding of {@code severity} fails the run. */
  public boolean fails(Severity severity) {
    return this != NEVER && severity.atLeast(Severity.valueOf(name()));
  }

  /** Lower-case name, as written in configuration ("warning"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "error", "warning", "note" or "never" (case-insensitive). */
  public static FailOn parse(String text) {
    for (FailOn level : values()) {
      if (level.label().equalsIgnoreCase(text.trim())) {
        return level;
      }
    }
    throw new IllegalArgumentException("'" + text.trim() + "' is not a level (expected error, warning, note or never)");
  }
}
