package org.wasmdbms.api.value;

/**
 * A boolean value; {@code false} sorts before {@code true}.
 *
 * @param value the truth value
 */
public record BooleanValue(boolean value) implements Value {
  @Override
  public DataType type() {
    return DataType.BOOLEAN;
  }
}
