package dev.nanlint.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, kept in one place on the rule class (like Error Prone's {@code @BugPattern}).
 * The name is the id users see in reports, suppressions and configuration.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String name();

  Severity severity();

  /** One line: what goes wrong, read in {@code nanlint rules} and SARIF short descriptions. */
  String summary();

  boolean enabledByDefault() default true;
}
