package dev.nanlint.analysis.index;

/**
 * A call in an operand the rules ask facts about (a divisor, the argument of {@code log} or {@code sqrt})
 * that no method of its file answers, as the first pass records it for the plan of the second.
 *
 * @param kind how the call names its method
 * @param type the class named ({@code STATIC}), the receiver's declared type ({@code INSTANCE}), or the
 *     qualified enclosing class ({@code UNQUALIFIED}, "" inside an anonymous or local class)
 */
public record OperandCall(Kind kind, String type, String name, int arity) {
  public enum Kind { STATIC, INSTANCE, UNQUALIFIED }
}
