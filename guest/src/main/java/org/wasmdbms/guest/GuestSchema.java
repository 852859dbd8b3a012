package org.wasmdbms.guest;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.wasmdbms.engine.typed.SchemaDispatcher;

/**
 * The schema a guest serves, chosen where the guest is built: the build puts exactly one
 * implementation on the class path it compiles, named in {@code
 * META-INF/services/org.wasmdbms.guest.GuestSchema}. TeaVM resolves the {@link ServiceLoader} at
 * compile time, so the choice costs nothing at run time and this library names no schema.
 *
 * <p>Implementations have a public no-argument constructor and are stateless; typically one line
 * that returns the generated {@code <Schema>Dispatcher.INSTANCE}.
 */
public interface GuestSchema {
  /** The generated dispatcher whose tables the guest registers when it opens its database. */
  SchemaDispatcher dispatcher();

  /**
   * The one schema on the class path, or null if the guest was built without one (every call then
   * answers {@code internal-error}).
   */
  static GuestSchema load() {
    Iterator<GuestSchema> schemas = ServiceLoader.load(GuestSchema.class).iterator();
    return schemas.hasNext() ? schemas.next() : null;
  }
}
