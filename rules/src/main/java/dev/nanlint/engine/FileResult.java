package dev.nanlint.engine;

import java.util.List;

/** What linting one file produced: its findings (sorted by position) and its input errors. */
public record FileResult(String path, List<Finding> findings, List<InputError> errors) {

  public static FileResult error(String path, int line, int column, String message) {
    return new FileResult(path, List.of(), List.of(new InputError(path, line, column, message)));
  }
}
