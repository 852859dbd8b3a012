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
 * Binds a guest to its schema at compile time: a TeaVM class transformer that replaces the body of
 * {@code org.wasmdbms.guest.GuestSchema.load()} with {@code return new <Impl>()}, where {@code
 * Impl} is the one class named in {@code META-INF/services/org.wasmdbms.guest.GuestSchema} on the
 * class path TeaVM compiles.
 *
 * <p>Why not let the guest call {@link java.util.ServiceLoader}: TeaVM 0.13.1's service-loader
 * support for the WASI target leaves the heap in a state its garbage collector cannot walk (a
 * collection after a few export calls hangs), so the lookup is done here, on the JVM, at build
 * time, and the guest only runs a constructor. A build with no such file gets {@code return null}
 * (every export then answers {@code internal-error}, as documented on {@code GuestSchema}); a build
 * with several is a compile error naming them. Builds without the guest runtime are untouched.
 *
 * <p>TeaVM instantiates transformers by name with their no-argument constructor and calls them from
 * its compiling thread; instances hold no state.
 */
public final class GuestSchemaBinding implements ClassHolderTransformer {
  static final String GUEST_SCHEMA = "org.wasmdbms.guest.GuestSchema";
  private static final String SERVICES = "META-INF/services/" + GUEST_SCHEMA;

  /** Called by TeaVM. */
  public GuestSchemaBinding() {
    // Stateless.
  }

  @Override
  public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
    if (!cls.getName().equals(GUEST_SCHEMA)) {
      return;
    }
    MethodHolder load = cls.getMethod(new MethodDescriptor("load", ValueType.object(GUEST_SCHEMA)));
    if (load == null) {
      context.getDiagnostics().error(null, GUEST_SCHEMA + " has no static load() to bind");
      return;
    }
    List<String> names = implementations(GuestSchemaBinding.class.getClassLoader());
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

  /** The implementation classes the service files on {@code loader}'s class path name. */
  static List<String> implementations(ClassLoader loader) {
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
