package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lists the table classes of one database. On a class or interface {@code S}, the annotation
 * processor generates {@code SDispatcher}, which registers every table in foreign-key dependency
 * order and routes raw row operations by table name to the generated code of each table.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DatabaseSchema {
  /** The classes annotated with {@link Table}, in any order. */
  Class<?>[] value();
}
