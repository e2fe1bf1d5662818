package dev.nanlint.engine;

/**
 * A file nanlint could not analyse (unreadable, not UTF-8, not Java) or a rule that failed on it.
 * Reported beside the findings; never fatal to the rest of the scan. Line and column are 0 when unknown.
 */
public record InputError(String path, int line, int column, String message) {}
