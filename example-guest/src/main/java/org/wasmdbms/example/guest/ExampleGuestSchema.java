package org.wasmdbms.example.guest;

import org.wasmdbms.engine.typed.SchemaDispatcher;
import org.wasmdbms.example.ExampleSchemaDispatcher;
import org.wasmdbms.guest.GuestSchema;

/**
 * Makes the example guest serve the example schema ({@code users}, {@code posts}, {@code
 * comments}): named in this module's {@code META-INF/services/org.wasmdbms.guest.GuestSchema}, so
 * the guest runtime compiled with this module finds it. Stateless and thread-safe.
 */
public final class ExampleGuestSchema implements GuestSchema {
  /** The provider ServiceLoader instantiates. */
  public ExampleGuestSchema() {
    // Stateless: the dispatcher is the generated singleton.
  }

  @Override
  public SchemaDispatcher dispatcher() {
    return ExampleSchemaDispatcher.INSTANCE;
  }
}
