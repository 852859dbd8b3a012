package org.wasmdbms.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * Binds a guest to its schema and its build options at compile time: a TeaVM class transformer
 * (installed by {@link GuestBindingPlugin}) that rewrites a few method bodies of the guest runtime.
 *
 * <ul>
 *   <li>{@code org.wasmdbms.guest.GuestSchema.load()} becomes {@code return new <Impl>()}, where
 *       {@code Impl} is the one class named in {@code
 *       META-INF/services/org.wasmdbms.guest.GuestSchema} on the class path TeaVM compiles. TeaVM
 *       0.13.1's own service loader leaves the heap in a state its garbage collector cannot walk (a
 *       collection after a few export calls hangs), so the lookup is done here, on the JVM, and the
 *       guest only runs a constructor. No such file gives {@code return null} (every export then
 *       answers {@code internal-error}); several are a compile error naming them.
 *   <li>{@code GuestMemory.heapMib()}, {@code maxPages()}, {@code maxValueBytes()}, {@code
 *       maxResultBytes()} and {@code GuestDatabase.dataFile()} return the {@link GuestBuildOptions}
 *       of the build instead of their defaults.
 * </ul>
 *
 * <p>Builds without the guest runtime are untouched. An instance serves one compilation, on TeaVM's
 * compiling thread; it holds only immutable state.
 */
public final class GuestBinding implements ClassHolderTransformer {
  static final String GUEST_SCHEMA = "org.wasmdbms.guest.GuestSchema";
  static final String GUEST_MEMORY = "org.wasmdbms.guest.GuestMemory";
  static final String GUEST_DATABASE = "org.wasmdbms.guest.GuestDatabase";
  private static final String SERVICES = "META-INF/services/" + GUEST_SCHEMA;

  private final ClassLoader classes;
  private final GuestBuildOptions options;

  /**
   * A binding for one compilation.
   *
   * @param classes the class path TeaVM compiles, where the schema's services file is looked up
   * @param options the values the guest's option methods return
   */
  public GuestBinding(ClassLoader classes, GuestBuildOptions options) {
    this.classes = classes;
    this.options = options;
  }

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    switch (cls.getName()) {
      case GUEST_SCHEMA -> bindSchema(cls, context);
      case GUEST_MEMORY -> {
        returnInt(cls, "heapMib", options.heapMiB(), context);
        returnInt(cls, "maxPages", options.maxPages(), context);
        returnInt(cls, "maxValueBytes", options.maxValueBytes(), context);
        returnInt(cls, "maxResultBytes", options.maxResultBytes(), context);
      }
      case GUEST_DATABASE -> {
        MethodHolder method =
            method(cls, "dataFile", ValueType.object("java.lang.String"), context);
        if (method != null) {
          ProgramEmitter.create(method, context.getHierarchy())
              .constant(options.dataFile())
              .returnValue();
        }
      }
      default -> {
        // Not a class of the guest runtime.
      }
    }
  }

  private void bindSchema(ClassHolder cls, ClassHolderTransformerContext context) {
    MethodHolder load = method(cls, "load", ValueType.object(GUEST_SCHEMA), context);
    if (load == null) {
      return;
    }
    List<String> names = implementations(classes);
    if (names.size() > 1) {
      context
          .getDiagnostics()
          .error(null, "a guest serves one schema, but the class path names several: " + names);
      return;
    }
    ProgramEmitter program = ProgramEmitter.create(load, context.getHierarchy());
    if (names.isEmpty()) {
      program.constantNull(ValueType.object(GUEST_SCHEMA)).returnValue();
    } else {
      program.construct(names.get(0)).returnValue();
    }
  }

  private static void returnInt(
      ClassHolder cls, String name, int value, ClassHolderTransformerContext context) {
    MethodHolder method = method(cls, name, ValueType.INTEGER, context);
    if (method != null) {
      ProgramEmitter.create(method, context.getHierarchy()).constant(value).returnValue();
    }
  }

  /** The no-argument method {@code name} of {@code cls}, or null after reporting its absence. */
  private static MethodHolder method(
      ClassHolder cls, String name, ValueType result, ClassHolderTransformerContext context) {
    MethodHolder method = cls.getMethod(new MethodDescriptor(name, result));
    if (method == null) {
      context
          .getDiagnostics()
          .error(null, cls.getName() + " has no " + name + "() for the guest build to bind");
    }
    return method;
  }

  /**
   * The {@code GuestSchema} implementation classes the service files on {@code loader}'s class path
   * name, each once, in class path order.
   *
   * @throws UncheckedIOException if a file cannot be read
   */
  public static List<String> implementations(ClassLoader loader) {
    List<String> names = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(SERVICES))) {
        try (BufferedReader in =
            new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty() && !names.contains(name)) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SERVICES, e);
    }
    return names;
  }
}
