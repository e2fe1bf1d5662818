package dev.nanlint.cli;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.nanlint.engine.Edits;
import dev.nanlint.engine.FileResult;
import dev.nanlint.engine.Finding;
import dev.nanlint.engine.InputError;
import dev.nanlint.engine.Linter;
import dev.nanlint.engine.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;

/**
 * {@code --fix} for one file, in two steps. {@link #prepare} (on a worker thread) reads the file, lints
 * it, applies the findings' edits to the text, re-parses the result with the engine's parser settings
 * and lints it again. {@link #commit} (on the main thread, in file order) writes the fixed text through
 * {@link SafeWriter}; a dry run prints the plan's {@link UnifiedDiff} instead. Whatever fails, the file
 * stays as it was and its original findings stand.
 */
final class FileFixer {
  private final Linter linter;
  private final Charset charset;

  FileFixer(Linter linter, Charset charset) {
    this.linter = linter;
    this.charset = charset;
  }

  /**
   * One file's fix. {@code before}: the findings in the file as read. {@code edits}: what applying them
   * gives (null when there was nothing to apply or reading failed). {@code after}: the findings in the
   * fixed text. {@code problem}: why the fix cannot be written (null when it can).
   */
  record Plan(Path file, String display, SafeWriter.Snapshot snapshot, FileResult before, Edits.Result edits,
      FileResult after, String problem) {

    boolean writable() {
      return problem == null && edits != null && edits.changed();
    }
  }

  /** Reads, lints, fixes in memory, re-parses and re-lints. Never throws for a bad file. */
  Plan prepare(Path file) {
    String display = SourceFiles.display(file);
    SafeWriter.Snapshot snapshot;
    String text;
    try {
      SourceFiles.beforeRead.accept(file);
      snapshot = SafeWriter.Snapshot.read(file);
      text = SourceFiles.decode(snapshot.bytes(), charset);
    } catch (IOException e) {
      return new Plan(file, display, null, FileResult.error(display, 0, 0, SourceFiles.cannotRead(file, e)),
          null, null, null);
    } catch (UncheckedIOException e) {
      return new Plan(file, display, null, FileResult.error(display, 0, 0,
          SourceFiles.cannotRead(file, e.getCause())), null, null, null);
    } catch (OutOfMemoryError e) {
      return new Plan(file, display, null, FileResult.error(display, 0, 0, "too large to read"), null, null, null);
    }
    FileResult before = linter.lint(display, text);
    if (before.findings().stream().noneMatch(Finding::hasEdit)) {
      return new Plan(file, display, snapshot, before, null, null, null);
    }
    Edits.Result edits;
    try {
      edits = Edits.apply(text, before.findings());
    } catch (IllegalArgumentException e) {
      return new Plan(file, display, snapshot, before, null, null, "not fixed: " + e.getMessage());
    }
    if (!edits.changed()) {
      return new Plan(file, display, snapshot, before, edits, null, null);
    }
    ParseResult<CompilationUnit> reparsed;
    try {
      reparsed = new JavaParser(Linter.parserConfiguration()).parse(edits.text());
    } catch (RuntimeException | StackOverflowError e) {
      reparsed = null;
    }
    if (reparsed == null || !reparsed.isSuccessful() || reparsed.getResult().isEmpty()) {
      String why = reparsed == null || reparsed.getProblems().isEmpty() ? "parser failure"
          : firstLine(reparsed.getProblems().get(0).getMessage());
      return new Plan(file, display, snapshot, before, edits, null,
          "not fixed: the fixed code would not parse (" + why + "); the file was left as it was");
    }
    if (!charset.newEncoder().canEncode(edits.text())) {
      return new Plan(file, display, snapshot, before, edits, null,
          "not fixed: the fixed code cannot be written in " + charset.name());
    }
    FileResult after = linter.check(display, reparsed.getResult().get(), new SourceText(edits.text()));
    return new Plan(file, display, snapshot, before, edits, after, null);
  }

  /** What writing a plan did: the findings now in the file, and why it was not written (or null). */
  record Outcome(boolean written, FileResult remaining, InputError error) {}

  /** Writes a prepared fix; on any failure the file is untouched and its original findings stand. */
  Outcome commit(Plan plan) {
    if (plan.problem() != null) {
      return new Outcome(false, plan.before(), new InputError(plan.display(), 0, 0, plan.problem()));
    }
    if (!plan.writable()) {
      return new Outcome(false, plan.before(), null);
    }
    String why;
    try {
      SafeWriter.replace(plan.file(), plan.snapshot(), encode(plan.edits().text()));
      return new Outcome(true, plan.after(), null);
    } catch (SafeWriter.ChangedOnDisk e) {
      why = e.getMessage();
    } catch (IOException e) {
      why = e.getClass() == IOException.class && e.getMessage() != null ? e.getMessage() : SourceFiles.describe(e);
    } catch (RuntimeException e) {
      why = e.toString();
    }
    return new Outcome(false, plan.before(), new InputError(plan.display(), 0, 0, "not fixed: " + why));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private byte[] encode(String text) throws CharacterCodingException {
    ByteBuffer buffer = charset.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
