package org.wasmdbms.example;

import org.wasmdbms.api.error.ValidationException;
import org.wasmdbms.api.rules.TextRules;
import org.wasmdbms.api.rules.Validator;
import org.wasmdbms.api.value.TextValue;

/**
 * A user-defined validator, as an application would write one: text that holds something besides
 * white space. Named in {@code @Validate(NotBlank.class)} on {@link Post#title()}; the generated
 * {@code PostTable} creates it with a direct constructor call, and the WebAssembly guest compiles
 * it with the schema. Stateless, so thread-safe.
 */
public final class NotBlank implements Validator<TextValue> {
  /** Creates the validator. */
  public NotBlank() {}

  @Override
  public void validate(TextValue value) {
    if (TextRules.trim(value.value()).isEmpty()) {
      throw new ValidationException("must not be blank");
    }
  }
}
