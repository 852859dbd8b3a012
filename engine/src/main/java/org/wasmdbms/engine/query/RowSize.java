package org.wasmdbms.engine.query;

import org.wasmdbms.api.value.BlobValue;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * A cheap estimate of the memory a row's values take: the characters of text and JSON, the bytes of
 * blobs, and a fixed {@value #FIXED_VALUE_BYTES} bytes for every other value. It bounds how many
 * rows a select or a write may hold, which matters where memory is fixed (the WebAssembly guest).
 */
public final class RowSize {
  /** What a value of a fixed-size type counts for. */
  public static final int FIXED_VALUE_BYTES = 16;

  private RowSize() {}

  /** The estimated size of {@code row}, in bytes. */
  public static long approximate(Value[] row) {
    long bytes = 0;
    for (Value value : row) {
      bytes += approximate(value);
    }
    return bytes;
  }

  /** The estimated size of one value, in bytes. */
  public static long approximate(Value value) {
    if (value instanceof TextValue text) {
      return text.value().length();
    }
    if (value instanceof JsonValue json) {
      return json.text().length();
    }
    if (value instanceof BlobValue blob) {
      return blob.length();
    }
    return FIXED_VALUE_BYTES;
  }
}
