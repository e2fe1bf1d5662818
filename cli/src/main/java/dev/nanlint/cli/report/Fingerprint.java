package dev.nanlint.cli.report;

import dev.nanlint.engine.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's stable identity: rule + file + the text of its line with whitespace collapsed, never the
 * line number, so edits elsewhere in the file keep it. Used for baselines and SARIF partialFingerprints.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(Finding f) {
    String key = f.rule() + "|" + f.path().replace('\\', '/') + "|" + f.sourceLine().trim().replaceAll("\\s+", " ");
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
