package dev.nanlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The configuration values rules check: levels, and thresholds that must be positive numbers. */
class LevelsTest {
  @Test
  void aThresholdIsAPositiveFiniteNumber() {
    assertNull(Levels.checkPositive(" 0.1 ", "a learning rate", "0.01"));
    assertNull(Levels.checkPositive("3e-4", "a learning rate", "0.01"));
    for (String bad : new String[] {"0", "-1", "Infinity", "NaN", "fast"}) {
      assertEquals("'" + bad + "' is not a learning rate (expected a positive number such as 0.01)",
          Levels.checkPositive(bad, "a learning rate", "0.01"), bad);
    }
  }

  @Test
  void aLevelIsNoteOrWarning() {
    assertNull(Levels.check("UnguardedLog.shapeOnly", " Warning "));
    assertEquals("'loud' is not a level for UnguardedLog.shapeOnly (expected note or warning)",
        Levels.check("UnguardedLog.shapeOnly", "loud"));
  }
}
