package dev.nanlint.processor;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * IntelliJ hands processors a {@link Proxy} around javac's environment and Gradle an incremental
 * wrapper; {@code Trees.instance} accepts only javac's own. This finds the javac object underneath.
 */
final class JavacEnvironment {
  private static final String JAVAC_ENV = "com.sun.tools.javac.processing.JavacProcessingEnvironment";

  private JavacEnvironment() {}

  static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
    ProcessingEnvironment current = env;
    for (int depth = 0; depth < 5 && current != null && !current.getClass().getName().equals(JAVAC_ENV); depth++) {
      ProcessingEnvironment inner = Proxy.isProxyClass(current.getClass())
          ? fromInvocationHandler(Proxy.getInvocationHandler(current))
          : delegateField(current);
      if (inner == null || inner == current) {
        break;
      }
      current = inner;
    }
    return current == null ? env : current;
  }

  private static ProcessingEnvironment fromInvocationHandler(InvocationHandler handler) {
    return delegateField(handler);
  }

  /** The first field holding a ProcessingEnvironment (Gradle: "delegate"; IntelliJ: "val$delegateTo"). */
  private static ProcessingEnvironment delegateField(Object wrapper) {
    for (Class<?> c = wrapper.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(field.getType())
            || (field.getType() == Object.class && field.getName().toLowerCase().contains("delegate"))) {
          try {
            field.setAccessible(true);
            Object value = field.get(wrapper);
            if (value instanceof ProcessingEnvironment inner) {
              return inner;
            }
          } catch (ReflectiveOperationException | RuntimeException e) {
            // not accessible: try the next field
          }
        }
      }
    }
    return null;
  }
}
