package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the column a foreign key to {@code column} of {@code table}. The referenced column must
 * have the same type and be the primary key or unique. {@code entity} names the referenced table
 * class; without it the processor finds the class by table name among the tables it compiles. The
 * generated code can load the referenced rows eagerly.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface ForeignKey {
  /** The referenced table. */
  String table();

  /** The referenced column. */
  String column();

  /** The class of the referenced table, or {@code Void.class} to find it by table name. */
  Class<?> entity() default Void.class;
}
