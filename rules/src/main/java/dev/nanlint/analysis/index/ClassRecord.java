package dev.nanlint.analysis.index;

import java.util.List;

/**
 * One class, interface, enum or record a file declares, as the project index keeps it.
 *
 * @param qualifiedName package and enclosing classes included ({@code a.b.Outer.Inner})
 * @param superclass the extended class as written ("" for none); interfaces are not kept (their methods
 *     are abstract or default, both overridable, so they resolve nothing)
 * @param isFinal final, a record, or an enum none of whose constants has a body: no subclass can override
 */
public record ClassRecord(String qualifiedName, String simpleName, String superclass, boolean isFinal,
    boolean isInterface, List<MethodRecord> methods) {
}
