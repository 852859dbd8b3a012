package org.wasmdbms.guest;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.wasmdbms.engine.typed.SchemaDispatcher;

/**
 * The schema a guest serves, chosen where the guest is built: the build puts exactly one
 * implementation on the class path it compiles, named in {@code
 * META-INF/services/org.wasmdbms.guest.GuestSchema}. The guest compiler binds {@link #load()} to it
 * at build time ({@code org.wasmdbms.build.GuestBinding} replaces the body with one constructor
 * call, because TeaVM 0.13.1's own service loader corrupts the guest's heap), so the choice costs
 * nothing at run time and this library names no schema. On the JVM, {@link #load()} reads the same
 * file through {@link ServiceLoader}.
 *
 * <p>Implementations have a public no-argument constructor and are stateless; typically one line
 * that returns the generated {@code <Schema>Dispatcher.INSTANCE}. {@code wasm-dbms-maven-plugin}
 * writes that class and its services file itself for a project that has only a {@code
 * DatabaseSchema}.
 */
public interface GuestSchema {
  /** The generated dispatcher whose tables the guest registers when it opens its database. */
  SchemaDispatcher dispatcher();

  /**
   * The one schema on the class path, or null if the guest was built without one (every call then
   * answers {@code internal-error}). In a guest this body is replaced at build time; see above.
   */
  static GuestSchema load() {
    Iterator<GuestSchema> schemas = ServiceLoader.load(GuestSchema.class).iterator();
    return schemas.hasNext() ? schemas.next() : null;
  }
}
