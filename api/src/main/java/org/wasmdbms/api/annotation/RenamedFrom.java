package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The names this column had before: when the stored table has a column of one of these names and
 * none of the column's own name, a migration renames it, keeping its values. Without it a renamed
 * field is a dropped column plus an added one. Names are tried in the order given. Naming a column
 * the table still declares is a compile-time error.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface RenamedFrom {
  /** The earlier column names, at least one. */
  String[] value();
}
