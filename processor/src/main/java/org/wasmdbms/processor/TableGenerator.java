package org.wasmdbms.processor;

import java.util.List;

/**
 * Writes {@code <Base>Table}: the table definition and schema, the column-name constants, the
 * conversions between the record and engine rows, and for a table with foreign keys the foreign
 * fetchers and {@code loadRelations}.
 */
final class TableGenerator {
  private static final String ROW = "org.wasmdbms.api.row.Row";
  private static final String VALUE = "org.wasmdbms.api.value.Value";
  private static final String DATA_TYPE = "org.wasmdbms.api.value.DataType";
  private static final String TYPED = "org.wasmdbms.engine.typed.";

  private final Model.Table table;
  private final List<Model.Relation> relations;
  private final JavaWriter out;

  private TableGenerator(Model.Table table, List<Model.Relation> relations) {
    this.table = table;
    this.relations = relations;
    this.out = new JavaWriter(table.packageName());
  }

  /** The source of {@code <Base>Table}. */
  static String generate(Model.Table table, List<Model.Relation> relations) {
    return new TableGenerator(table, relations).write();
  }

  /** The name of the static method converting field {@code column} to a value. */
  static String toValue(Model.Column column) {
    return column.field() + "ToValue";
  }

  /** The name of the static method converting a value to field {@code column}. */
  static String fromValue(Model.Column column) {
    return column.field() + "FromValue";
  }

  /** The {@code DataType} constant of {@code column}, importing {@code DataType}. */
  static String dataType(JavaWriter out, Model.Column column) {
    return out.use(DATA_TYPE) + "." + column.type().dataType().name();
  }

  private String write() {
    String record = table.recordType();
    String name = table.baseName() + "Table";
    out.line("/**")
        .line(
            " * Generated from {@link "
                + record
                + "}: the table {@code "
                + javadocText(table.name())
                + "} and its row codec.")
        .line(" */");
    String mapping =
        relations.isEmpty()
            ? out.use(TYPED + "TableMapping") + "<" + record + ">"
            : out.use(TYPED + "RelationMapping")
                + "<"
                + record
                + ", "
                + table.baseName()
                + "WithRelations>";
    out.open("public final class " + name + " implements " + mapping);
    writeColumnNames();
    writeDefinition();
    out.line("/** The one instance. */")
        .line("public static final " + name + " INSTANCE = new " + name + "();")
        .line("")
        .line("private " + name + "() {}")
        .line("");
    writeMappingMethods(record);
    for (Model.Column column : table.columns()) {
      writeConversions(column);
    }
    if (!relations.isEmpty()) {
      RelationsGenerator.writeFetchers(out, table, relations);
    }
    out.close();
    return out.toSource();
  }

  private void writeColumnNames() {
    out.line("/** The column names, one constant per field. */");
    out.open("public static final class Columns");
    for (Model.Column column : table.columns()) {
      out.line("/** The column {@code " + javadocText(column.name()) + "}. */")
          .line(
              "public static final String "
                  + column.field()
                  + " = "
                  + JavaWriter.quote(column.name())
                  + ";")
          .line("");
    }
    out.line("private Columns() {}");
    out.close().line("");
  }

  private void writeDefinition() {
    String tableDef = out.use("org.wasmdbms.api.schema.TableDef");
    String columnDef = out.use("org.wasmdbms.api.schema.ColumnDef");
    String tableSchema = out.use("org.wasmdbms.engine.TableSchema");
    out.line("/** The table definition. */")
        .line("public static final " + tableDef + " DEFINITION =")
        .line("    " + tableDef + ".builder(" + JavaWriter.quote(table.name()) + ")");
    for (Model.Column column : table.columns()) {
      StringBuilder line =
          new StringBuilder("        .column(" + columnDef + ".builder(Columns.")
              .append(column.field())
              .append(", ")
              .append(dataType(out, column))
              .append(")");
      line.append(column.nullable() ? ".nullable()" : "")
          .append(column.primaryKey() ? ".primaryKey()" : "")
          .append(column.unique() ? ".unique()" : "")
          .append(column.autoIncrement() ? ".autoIncrement()" : "");
      if (column.defaultValue() != null) {
        line.append(".defaultValue(").append(out.use(column.defaultValue())).append(")");
      }
      if (column.foreignKey() != null) {
        line.append(".references(")
            .append(JavaWriter.quote(column.foreignKey().table()))
            .append(", ")
            .append(JavaWriter.quote(column.foreignKey().column()))
            .append(")");
      }
      out.line(line.append(")").toString());
    }
    for (Model.Index index : table.indexes()) {
      StringBuilder line =
          new StringBuilder("        .index(")
              .append(JavaWriter.quote(index.name()))
              .append(", ")
              .append(index.unique());
      for (String column : index.columns()) {
        line.append(", ").append(JavaWriter.quote(column));
      }
      out.line(line.append(")").toString());
    }
    out.line("        .build();").line("");
    out.line("private static final " + tableSchema + " SCHEMA =")
        .line("    " + tableSchema + ".builder(DEFINITION)");
    for (Model.Column column : table.columns()) {
      for (Model.Snippet sanitizer : column.sanitizers()) {
        out.line("        .sanitize(Columns." + column.field() + ", " + out.use(sanitizer) + ")");
      }
      for (Model.Snippet validator : column.validators()) {
        out.line("        .validate(Columns." + column.field() + ", " + out.use(validator) + ")");
      }
      for (String earlier : column.renamedFrom()) {
        out.line(
            "        .renamedFrom(Columns."
                + column.field()
                + ", "
                + JavaWriter.quote(earlier)
                + ")");
      }
      for (Model.Transform transform : column.transforms()) {
        out.line(
            "        .transform(Columns."
                + column.field()
                + ", "
                + JavaWriter.quote(transform.id())
                + ", "
                + out.use(transform.function())
                + ")");
      }
    }
    out.line("        .build();").line("");
  }

  private void writeMappingMethods(String record) {
    String row = out.use(ROW);
    String rowValues = out.use(TYPED + "RowValues");
    out.line("@Override")
        .open("public " + out.use("org.wasmdbms.engine.TableSchema") + " schema()")
        .line("return SCHEMA;")
        .close()
        .line("");
    out.line("@Override")
        .open("public " + row + " toRow(" + record + " record)")
        .line("return " + row + ".builder()");
    for (Model.Column column : table.columns()) {
      out.line(
          "    .set(Columns."
              + column.field()
              + ", "
              + toValue(column)
              + "(record."
              + column.read()
              + "))");
    }
    out.line("    .build();").close().line("");
    out.line("@Override")
        .open("public " + record + " fromRow(" + row + " row)")
        .line("return new " + record + "(");
    List<Model.Column> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      Model.Column column = columns.get(i);
      out.line(
          "    "
              + fromValue(column)
              + "("
              + rowValues
              + ".read(row, "
              + i
              + ", Columns."
              + column.field()
              + ", "
              + dataType(out, column)
              + ", "
              + column.type().javaNullable()
              + "))"
              + (i + 1 < columns.size() ? "," : ");"));
    }
    out.close().line("");
    String insert = table.baseName() + "Insert";
    String update = table.baseName() + "Update";
    out.line("@Override")
        .open("public " + insert + " insertRequest(" + row + " row)")
        .line("return " + insert + ".fromRow(row);")
        .close()
        .line("");
    String filter = out.use("org.wasmdbms.api.query.Filter");
    out.line("@Override")
        .open("public " + update + " updateRequest(" + row + " values, " + filter + " filter)")
        .line("return " + update + ".fromRow(values, filter);")
        .close()
        .line("");
  }

  private void writeConversions(Model.Column column) {
    String value = out.use(VALUE);
    String valueClass = out.use(column.type().valueClass());
    String nullValue = out.use("org.wasmdbms.api.value.NullValue");
    String fieldType = fieldType(out, column);
    out.line("/** Field {@code " + column.field() + "} as an engine value. */")
        .open("static " + value + " " + toValue(column) + "(" + fieldType + " value)")
        .line("return " + column.type().toValue("value", valueClass, nullValue) + ";")
        .close()
        .line("");
    out.line("/** Field {@code " + column.field() + "} from a checked value (null for Null). */")
        .open("static " + fieldType + " " + fromValue(column) + "(" + value + " value)")
        .line("return " + column.type().fromValue("value", valueClass) + ";")
        .close()
        .line("");
  }

  /** The field type of {@code column} as written in generated code, importing it if needed. */
  static String fieldType(JavaWriter out, Model.Column column) {
    String type = column.type().sourceType();
    return type.indexOf('.') < 0 ? type : out.use(type);
  }

  /**
   * {@code text} made safe inside a Javadoc comment: characters that could end the comment, start a
   * tag or a Unicode escape, or are not printable ASCII become HTML character references.
   */
  static String javadocText(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || "*@{}\\<>&".indexOf(c) >= 0) {
        out.append("&#").append((int) c).append(';');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
