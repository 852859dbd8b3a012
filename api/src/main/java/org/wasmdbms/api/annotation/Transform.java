package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.wasmdbms.api.migration.ColumnTransform;

/**
 * A one-time rewrite of the column's stored values, run by a migration. The database file records
 * the ids of the transforms that have run; a declared id it does not hold is a pending {@code
 * transform-column} step. Ids are unique within a schema's table; two transforms with one id are a
 * compile-time error. The class needs a public no-argument constructor.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Transforms.class)
public @interface Transform {
  /** The id recorded in the file once the transform has run; a valid identifier. */
  String id();

  /** The function applied to every non-null value of the column. */
  Class<? extends ColumnTransform> with();
}
