package org.wasmdbms.processor;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** The schema as read from annotations, before code is generated. */
final class Model {
  private Model() {}

  /**
   * One table.
   *
   * @param element the annotated record or class
   * @param name the table name
   * @param columns the columns in declaration order
   * @param indexes the secondary indexes
   */
  record Table(TypeElement element, String name, List<Column> columns, List<Index> indexes) {
    /** The qualified name of the record class, as generated code refers to it. */
    String recordType() {
      return element.getQualifiedName().toString();
    }

    /** The simple name generated classes start with. */
    String baseName() {
      return element.getSimpleName().toString();
    }

    /** The package of the record class, where generated classes go. */
    String packageName() {
      Element e = element;
      while (!(e instanceof PackageElement)) {
        e = e.getEnclosingElement();
      }
      return ((PackageElement) e).getQualifiedName().toString();
    }

    /** The qualified name of the generated class {@code <Base><suffix>}, e.g. {@code UserTable}. */
    String generated(String suffix) {
      String pkg = packageName();
      return (pkg.isEmpty() ? "" : pkg + ".") + baseName() + suffix;
    }

    /** The column called {@code name}, or null. */
    Column column(String name) {
      for (Column column : columns) {
        if (column.name().equals(name)) {
          return column;
        }
      }
      return null;
    }
  }

  /**
   * One column.
   *
   * @param element the record component or field
   * @param field the Java field name
   * @param name the column name
   * @param type the field type mapping
   * @param nullable whether the column accepts {@code Null}
   * @param primaryKey whether it is the primary key
   * @param unique whether its values are unique
   * @param autoIncrement whether inserts that leave it out get the next integer
   * @param defaultValue the Java expression of the default value, or null for none
   * @param foreignKey the referenced column, or null
   * @param sanitizers Java expressions building the sanitizers, in order
   * @param validators Java expressions building the validators, in order
   * @param read how generated code reads the field from a record {@code r}: {@code r.} followed by
   *     this text
   */
  record Column(
      Element element,
      String field,
      String name,
      FieldType type,
      boolean nullable,
      boolean primaryKey,
      boolean unique,
      boolean autoIncrement,
      Snippet defaultValue,
      ForeignKey foreignKey,
      List<Snippet> sanitizers,
      List<Snippet> validators,
      String read,
      List<String> renamedFrom,
      AnnotationMirror renamedMirror,
      List<Transform> transforms) {}

  /**
   * A {@code @Transform} of a column.
   *
   * @param id its id
   * @param function the expression creating the transform
   * @param mirror the annotation, for messages
   */
  record Transform(String id, Snippet function, AnnotationMirror mirror) {}

  /**
   * A Java expression for generated code: a default value, a sanitizer or a validator.
   *
   * @param source the expression, naming classes by their simple names
   * @param imports the qualified names of the classes {@code source} names
   */
  record Snippet(String source, List<String> imports) {}

  /**
   * The target of a foreign key as written.
   *
   * @param table the referenced table name
   * @param column the referenced column name
   * @param entity the referenced class if given, else null
   * @param annotation the annotation, for error positions
   */
  record ForeignKey(String table, String column, TypeElement entity, AnnotationMirror annotation) {}

  /**
   * A secondary index.
   *
   * @param name the index name
   * @param unique whether keys are unique
   * @param columns the column names in key order
   */
  record Index(String name, boolean unique, List<String> columns) {}

  /**
   * A resolved foreign key of a table: its column, the referenced table and the name of the field
   * that holds the referenced record in the generated typed record.
   *
   * @param column the referencing column
   * @param parent the referenced table
   * @param parentColumn the referenced column
   * @param relation the name of the relation (a Java identifier)
   */
  record Relation(Column column, Table parent, Column parentColumn, String relation) {}
}
