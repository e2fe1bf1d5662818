package dev.nanlint.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Replaces a source file's content without ever leaving it half written or overwriting someone else's
 * change: the new content goes to a temporary file in the same directory (same permissions, flushed to
 * disk), the file is checked against what was read at scan time (modification time and bytes), and the
 * temporary file is moved over it atomically. On any failure the original stays as it was and the
 * temporary file is removed.
 */
final class SafeWriter {
  /** Runs just before the final check; tests use it to change the file "mid-run". */
  static volatile Consumer<Path> beforeCommit = path -> { };

  private SafeWriter() {}

  /** A file as it was read: its bytes and its modification time. */
  record Snapshot(byte[] bytes, FileTime modified) {
    static Snapshot read(Path file) throws IOException {
      FileTime modified = Files.getLastModifiedTime(file);
      byte[] bytes = Files.readAllBytes(file);
      return new Snapshot(bytes, modified);
    }

    /** True when {@code file} still has this modification time and these bytes. */
    boolean matches(Path file) throws IOException {
      return Files.getLastModifiedTime(file).equals(modified) && Files.size(file) == bytes.length
          && Arrays.equals(Files.readAllBytes(file), bytes);
    }
  }

  /** The file changed on disk after nanlint read it; it was not overwritten. */
  static final class ChangedOnDisk extends IOException {
    ChangedOnDisk() {
      super("changed on disk since nanlint read it; not overwritten (run nanlint --fix again)");
    }
  }

  /**
   * Replaces {@code file}'s content with {@code content} if the file still matches {@code expected}.
   * A symbolic link is followed: its target is rewritten and the link kept.
   *
   * @throws ChangedOnDisk if the file no longer matches what was read
   * @throws IOException if anything else fails; the file is then unchanged
   */
  static void replace(Path file, Snapshot expected, byte[] content) throws IOException {
    Path target = file.toRealPath();
    if (!Files.isWritable(target)) {
      throw new IOException("the file is read-only; not changed");
    }
    Path dir = target.getParent();
    PosixFileAttributes posix = posixAttributes(target);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".nanlint-fix");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      copyAttributes(temp, posix);
      beforeCommit.accept(target);
      if (!expected.matches(target)) {
        throw new ChangedOnDisk();
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("this file system cannot replace the file atomically; not changed", e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static PosixFileAttributes posixAttributes(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    return view == null ? null : view.readAttributes();
  }

  /** Permissions always; the group where the file system lets us (owner changes need privileges). */
  private static void copyAttributes(Path temp, PosixFileAttributes posix) throws IOException {
    if (posix == null) {
      return; // not a POSIX file system: the new file gets the directory's defaults
    }
    Files.setPosixFilePermissions(temp, posix.permissions());
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    try {
      if (!view.readAttributes().group().equals(posix.group())) {
        view.setGroup(posix.group());
      }
    } catch (IOException | SecurityException ignored) {
      // not a member of the file's group: the fixed file keeps ours, as an editor's save would
    }
  }
}
