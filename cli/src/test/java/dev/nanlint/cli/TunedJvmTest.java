package dev.nanlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which options the relaunch adds: only those the user did not choose, never under tools, only on HotSpot. */
class TunedJvmTest {
  private static final long DEFAULT_HEAP = 6L << 30; // a quarter of 24 GB

  @Test
  void aDefaultJvmGetsABoundedHeapAndTheClientCompiler() {
    assertEquals(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"), TunedJvm.options(List.of(), o -> true, DEFAULT_HEAP));
  }

  @Test
  void whatTheUserChoseIsKept() {
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), TunedJvm.options(List.of("-Xmx2g"), o -> true, 2L << 30));
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), TunedJvm.options(List.of("-XX:MaxRAMPercentage=50"), o -> true, DEFAULT_HEAP));
    assertEquals(List.of("-Xmx768m"), TunedJvm.options(List.of("-XX:TieredStopAtLevel=4"), o -> true, DEFAULT_HEAP));
    assertEquals(List.of("-Xmx768m"), TunedJvm.options(List.of("-Xint"), o -> true, DEFAULT_HEAP));
    assertEquals(List.of(), TunedJvm.options(List.of("-Xmx1g", "-XX:-TieredCompilation"), o -> true, 1L << 30));
  }

  @Test
  void aSmallDefaultHeapNeedsNoBound() {
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), TunedJvm.options(List.of(), o -> true, 512L << 20));
  }

  @Test
  void neverUnderADebuggerAgentOrProfiler() {
    for (String tool : List.of("-agentlib:jdwp=transport=dt_socket", "-javaagent:x.jar", "-XX:StartFlightRecording")) {
      assertEquals(List.of(), TunedJvm.options(List.of(tool), o -> true, DEFAULT_HEAP), tool);
    }
  }

  @Test
  void optionsAnotherJvmMayNotKnowAreLeftOut() {
    assertEquals(List.of(), TunedJvm.options(List.of(), o -> false, DEFAULT_HEAP));
  }
}
