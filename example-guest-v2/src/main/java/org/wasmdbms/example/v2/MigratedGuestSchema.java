package org.wasmdbms.example.v2;

import org.wasmdbms.engine.typed.SchemaDispatcher;
import org.wasmdbms.guest.GuestSchema;

/**
 * Makes this module's guest serve {@link MigratedSchema}: named in its {@code
 * META-INF/services/org.wasmdbms.guest.GuestSchema}. Stateless and thread-safe.
 */
public final class MigratedGuestSchema implements GuestSchema {
  /** The provider ServiceLoader instantiates. */
  public MigratedGuestSchema() {
    // Stateless: the dispatcher is the generated singleton.
  }

  @Override
  public SchemaDispatcher dispatcher() {
    return MigratedSchemaDispatcher.INSTANCE;
  }
}
