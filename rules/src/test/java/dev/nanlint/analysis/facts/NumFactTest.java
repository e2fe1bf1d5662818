package dev.nanlint.analysis.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nanlint.analysis.facts.NumFact.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumFactTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static final List<NumFact> SAMPLES = List.of(
      NumFact.bottom(), NumFact.top(), NumFact.top(Precision.DOUBLE), NumFact.top(Precision.INT),
      NumFact.constant(0), NumFact.constant(1), NumFact.constant(-2.5), NumFact.constant(3, Precision.INT),
      NumFact.constant(1e-10f, Precision.FLOAT), NumFact.nan(Precision.DOUBLE),
      NumFact.range(0, 1, Precision.DOUBLE), NumFact.range(-5, 5, Precision.DOUBLE).exclude(0),
      NumFact.range(0, 10, Precision.INT).exclude(0), NumFact.of(0, INF, true, true, false, Precision.DOUBLE),
      NumFact.range(-1, 1, Precision.FLOAT));

  @Test
  void joinAndMeetAreCommutativeAndIdempotent() {
    for (NumFact a : SAMPLES) {
      assertEquals(a, a.join(a), "join idempotent: " + a);
      assertEquals(a, a.meet(a), "meet idempotent: " + a);
      for (NumFact b : SAMPLES) {
        assertEquals(a.join(b), b.join(a), "join commutes: " + a + ", " + b);
        assertEquals(a.meet(b), b.meet(a), "meet commutes: " + a + ", " + b);
        NumFact j = a.join(b);
        assertEquals(j, j.join(a), "a <= a join b: " + a + ", " + b);
        for (NumFact c : SAMPLES) {
          assertEquals(a.join(b).join(c), a.join(b.join(c)), "join associates");
        }
      }
    }
  }

  @Test
  void bottomAndTopAreTheIdentities() {
    for (NumFact a : SAMPLES) {
      assertEquals(a, a.join(NumFact.bottom()));
      assertEquals(NumFact.bottom(), a.meet(NumFact.bottom()));
      assertEquals(NumFact.top(), NumFact.top().join(a).join(NumFact.top()).withPrecision(Precision.UNKNOWN));
    }
  }

  @Test
  void widenReachesAFixpointOnACounter() {
    NumFact n = NumFact.constant(0, Precision.INT);
    NumFact one = NumFact.constant(1, Precision.INT);
    int rounds = 0;
    while (true) {
      NumFact next = n.widen(n.join(Arith.add(n, one)));
      if (next.equals(n)) {
        break;
      }
      n = next;
      assertTrue(++rounds < 5, "widening did not stabilise: " + n);
    }
    assertEquals(0, n.lo());
    assertEquals(Integer.MAX_VALUE, n.hi());
  }

  @Test
  void widenKeepsTheSignOfAHalvedValue() {
    NumFact x = NumFact.constant(1);
    NumFact half = NumFact.constant(0.5);
    for (int i = 0; i < 5; i++) {
      x = x.widen(x.join(Arith.mul(x, half)));
    }
    assertEquals(x, x.widen(x.join(Arith.mul(x, half))), "stable");
    assertFalse(x.canBeNegative(), "halving never goes below 0: " + x);
    assertTrue(x.canBeZero(), "but it underflows to 0: " + x);
    assertEquals(1, x.hi());
  }

  @Test
  void excludingZeroMovesABoundOrMarksTheInside() {
    NumFact n = NumFact.range(0, 10, Precision.INT).exclude(0);
    assertEquals(1, n.lo());
    assertFalse(n.canBeZero());
    NumFact x = NumFact.range(0, 1, Precision.DOUBLE).exclude(0);
    assertEquals(Double.MIN_VALUE, x.lo());
    NumFact d = NumFact.range(-1, 1, Precision.DOUBLE).exclude(0);
    assertEquals(-1, d.lo());
    assertFalse(d.canBeZero());
    assertTrue(NumFact.range(-1, 1, Precision.DOUBLE).canBeZero());
  }

  @Test
  void floatArithmeticRoundsLikeFloat() {
    NumFact tiny = NumFact.constant(1e-10f, Precision.FLOAT);
    NumFact sum = Arith.add(tiny, NumFact.constant(1, Precision.INT));
    assertEquals(Precision.FLOAT, sum.precision());
    assertTrue(sum.isConstant());
    assertEquals(1.0, sum.lo(), "1e-10f + 1 is exactly 1.0f");
    NumFact doubleSum = Arith.add(NumFact.constant(1e-10), NumFact.constant(1, Precision.INT));
    assertTrue(doubleSum.lo() > 1, "in double it is not");
    NumFact big = Arith.mul(NumFact.constant(1e30f, Precision.FLOAT), NumFact.constant(1e10f, Precision.FLOAT));
    assertEquals(INF, big.hi(), "1e30f * 1e10f overflows in float");
    NumFact under = Arith.mul(NumFact.constant(1e-30f, Precision.FLOAT), NumFact.constant(1e-30f, Precision.FLOAT));
    assertTrue(under.canBeZero(), "and 1e-30f * 1e-30f underflows to 0: " + under);
    assertFalse(Arith.mul(NumFact.constant(1e-30), NumFact.constant(1e-30)).canBeZero(), "not in double");
  }

  @Test
  void divisionByWhatCanBeZeroGivesInfinityAndNaN() {
    NumFact sum = NumFact.range(0, 10, Precision.DOUBLE);
    NumFact q = Arith.div(NumFact.constant(1), sum);
    assertEquals(INF, q.hi());
    assertFalse(q.canBeNaN(), "1/0 is Infinity, not NaN");
    NumFact r = Arith.div(sum, sum);
    assertTrue(r.canBeNaN(), "0/0 is NaN");
    NumFact safe = Arith.div(NumFact.constant(1), NumFact.range(1, 10, Precision.DOUBLE));
    assertFalse(safe.canBeInfinite() || safe.canBeNaN() || safe.canBeZero(), safe.toString());
  }

  @Test
  void integerDivisionTruncates() {
    NumFact k = NumFact.range(0, 5, Precision.INT);
    NumFact n = NumFact.range(1, 10, Precision.INT);
    NumFact q = Arith.div(k, n);
    assertEquals(Precision.INT, q.precision());
    assertEquals(0, q.lo());
    assertEquals(5, q.hi());
    assertTrue(q.canBeZero());
    assertEquals(0, Arith.div(NumFact.constant(3, Precision.INT), NumFact.constant(7, Precision.INT)).hi());
    NumFact nonZero = Arith.div(NumFact.range(20, 30, Precision.INT), NumFact.range(1, 10, Precision.INT));
    assertFalse(nonZero.canBeZero(), nonZero.toString());
  }

  @Test
  void sumOfTwoValuesIsZeroOnlyWhenOneIsMinusTheOther() {
    NumFact pos = NumFact.range(1, 2, Precision.DOUBLE);
    assertFalse(Arith.add(pos, pos).canBeZero());
    assertTrue(Arith.sub(pos, pos).canBeZero());
    NumFact nonZero = NumFact.range(-1, 1, Precision.DOUBLE).exclude(0);
    assertFalse(Arith.add(nonZero, NumFact.constant(0)).canBeZero(), "x + 0 with x != 0");
    assertTrue(Arith.add(nonZero, NumFact.constant(0.5)).canBeZero(), "x + 0.5 with x = -0.5");
  }

  @Test
  void infinitiesMakeNaN() {
    NumFact any = NumFact.top(Precision.DOUBLE).notNaN();
    assertTrue(Arith.sub(any, any).canBeNaN(), "Inf - Inf");
    NumFact finite = NumFact.range(-Double.MAX_VALUE, Double.MAX_VALUE, Precision.DOUBLE);
    assertFalse(Arith.mul(finite, NumFact.constant(2)).canBeNaN());
    assertTrue(Arith.mul(finite, NumFact.constant(2)).canBeInfinite(), "overflow");
    assertTrue(Arith.mul(NumFact.range(0, 1, Precision.DOUBLE), NumFact.constant(INF)).canBeNaN(), "0 * Inf");
  }

  @Test
  void conversionToIntTruncatesAndMapsNaNToZero() {
    NumFact x = Arith.convert(NumFact.constant(2.7), Precision.INT);
    assertEquals(2, x.lo());
    assertEquals(2, x.hi());
    NumFact nan = Arith.convert(NumFact.top(Precision.DOUBLE), Precision.INT);
    assertTrue(nan.canBeZero());
    assertEquals(Integer.MAX_VALUE, nan.hi());
    NumFact f = Arith.convert(NumFact.constant(1e40), Precision.FLOAT);
    assertEquals(INF, f.lo(), "(float) 1e40 is Infinity");
  }
}
