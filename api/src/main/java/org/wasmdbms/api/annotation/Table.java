package org.wasmdbms.api.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record (or a class with fields) as a table. Each record component, or each non-static
 * non-transient field of a class, is a column, in declaration order. The annotation processor
 * generates {@code <Name>Table} (definition, schema and row codec), {@code <Name>Insert} and {@code
 * <Name>Update} requests and, for a table with foreign keys, {@code <Name>WithRelations}.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table name. */
  String value();
}
