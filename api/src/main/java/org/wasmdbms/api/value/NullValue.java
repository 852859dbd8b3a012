package org.wasmdbms.api.value;

/** The SQL null, a singleton. It has no data type and sorts before every other value. */
public final class NullValue implements Value {
  /** The one null value. */
  public static final NullValue INSTANCE = new NullValue();

  private NullValue() {}

  /** Always null: the null value belongs to every type. */
  @Override
  public DataType type() {
    return null;
  }

  @Override
  public boolean isNull() {
    return true;
  }

  @Override
  public String toString() {
    return "Null";
  }
}
