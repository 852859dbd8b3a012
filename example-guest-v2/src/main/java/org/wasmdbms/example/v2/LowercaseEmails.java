package org.wasmdbms.example.v2;

import org.wasmdbms.api.migration.ColumnTransform;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;

/**
 * Transform {@code lowercase-emails}: lowercases the ASCII letters of an e-mail address (by hand,
 * because it runs in the guest too, where case tables cost size). Stateless and thread-safe.
 */
public final class LowercaseEmails implements ColumnTransform {
  /** The instance the generated schema creates. */
  public LowercaseEmails() {
    // Stateless.
  }

  @Override
  public Value apply(Value value) {
    String text = ((TextValue) value).value();
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] = (char) (chars[i] + ('a' - 'A'));
      }
    }
    return new TextValue(new String(chars));
  }
}
