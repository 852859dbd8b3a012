package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds the column to a secondary index. Without a group name the index covers this column alone and
 * is named {@code <table>_<column>_idx}; columns that share a group name form one composite index
 * of that name, in field order. A column may belong to several indexes. All members of a group must
 * agree on {@link #unique()}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Repeatable(Index.List.class)
public @interface Index {
  /** The index name shared by the columns of a composite index, or empty for a one-column index. */
  String group() default "";

  /** Whether two rows may not share a key. */
  boolean unique() default false;

  /** The container of repeated {@link Index} annotations. */
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
  @interface List {
    /** The repeated annotations. */
    Index[] value();
  }
}
