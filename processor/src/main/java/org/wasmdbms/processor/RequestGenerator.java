package org.wasmdbms.processor;

import java.util.List;

/**
 * Writes the request classes of a table: {@code <Base>Insert} (the columns of a new row) and {@code
 * <Base>Update} (the columns to set plus the filter choosing the rows). Both have a builder with
 * one typed setter per column that records only the columns set, and a {@code fromRow} that turns a
 * raw row into the request through those same setters.
 */
final class RequestGenerator {
  private static final String TYPED = "org.wasmdbms.engine.typed.";

  private final Model.Table table;
  private final boolean update;
  private final JavaWriter out;
  private final String name;

  private RequestGenerator(Model.Table table, boolean update) {
    this.table = table;
    this.update = update;
    this.out = new JavaWriter(table.packageName());
    this.name = table.baseName() + (update ? "Update" : "Insert");
  }

  /** The source of {@code <Base>Insert}. */
  static String generateInsert(Model.Table table) {
    return new RequestGenerator(table, false).write();
  }

  /** The source of {@code <Base>Update}. */
  static String generateUpdate(Model.Table table) {
    return new RequestGenerator(table, true).write();
  }

  private String write() {
    String record = table.recordType();
    String row = out.use("org.wasmdbms.api.row.Row");
    String filter = out.use("org.wasmdbms.api.query.Filter");
    String tableClass = table.baseName() + "Table";
    out.line("/**");
    if (update) {
      out.line(
              " * Generated: an update of table {@code "
                  + TableGenerator.javadocText(table.name())
                  + "} that sets only the columns given to")
          .line(" * its builder, in the rows its filter matches (every row without a filter).");
    } else {
      out.line(
              " * Generated: a row to insert into table {@code "
                  + TableGenerator.javadocText(table.name())
                  + "}. Columns the builder")
          .line(" * leaves out get their default, their autoincrement value or Null.");
    }
    out.line(" */");
    String iface = out.use(TYPED + (update ? "UpdateRequest" : "InsertRequest"));
    out.open("public final class " + name + " implements " + iface + "<" + record + ">");
    out.line("private final " + row + " row;");
    if (update) {
      out.line("private final " + filter + " filter;");
    }
    out.line("")
        .open(
            "private "
                + name
                + "("
                + row
                + " row"
                + (update ? ", " + filter + " filter" : "")
                + ")")
        .line("this.row = row;");
    if (update) {
      out.line("this.filter = filter;");
    }
    out.close().line("");
    out.line("/** Starts a request that sets no column. */")
        .open("public static Builder builder()")
        .line("return new Builder();")
        .close()
        .line("");
    writeFromRow(row, filter);
    out.line("@Override")
        .open("public " + out.use(TYPED + "TableMapping") + "<" + record + "> table()")
        .line("return " + tableClass + ".INSTANCE;")
        .close()
        .line("");
    out.line("@Override")
        .open("public " + row + (update ? " values()" : " row()"))
        .line("return row;")
        .close();
    if (update) {
      out.line("")
          .line("@Override")
          .open("public " + filter + " filter()")
          .line("return filter;")
          .close();
    }
    out.line("");
    writeBuilder(row, filter, tableClass);
    out.close();
    return out.toSource();
  }

  private void writeFromRow(String row, String filter) {
    String rowValues = out.use(TYPED + "RowValues");
    String columnValue = out.use("org.wasmdbms.api.row.ColumnValue");
    out.line("/**")
        .line(
            " * The request holding the columns of a raw row, checked and converted as the engine")
        .line(" * does; see {@link " + out.use(TYPED + "TableMapping") + "}.")
        .line(" */");
    out.open(
        "public static "
            + name
            + " fromRow("
            + row
            + " row"
            + (update ? ", " + filter + " filter" : "")
            + ")");
    out.line(rowValues + ".requireDistinctNames(row);").line("Builder builder = new Builder();");
    out.open("for (" + columnValue + " column : row.columns())").open("switch (column.name())");
    String tableClass = table.baseName() + "Table";
    for (Model.Column column : table.columns()) {
      out.line("case " + JavaWriter.quote(column.name()) + " ->")
          .line(
              "    builder."
                  + column.field()
                  + "("
                  + tableClass
                  + "."
                  + TableGenerator.fromValue(column)
                  + "("
                  + rowValues
                  + ".convert(column, "
                  + TableGenerator.dataType(out, column)
                  + ", "
                  + column.type().javaNullable()
                  + ")));");
    }
    out.line(
        "default -> throw new "
            + out.use("org.wasmdbms.api.error.UnknownColumnException")
            + "(column.name());");
    out.close().close();
    out.line(update ? "return builder.where(filter).build();" : "return builder.build();");
    out.close().line("");
  }

  private void writeBuilder(String row, String filter, String tableClass) {
    String value = out.use("org.wasmdbms.api.value.Value");
    List<Model.Column> columns = table.columns();
    out.line("/** Collects the columns of a {@link " + name + "}. Not thread-safe. */")
        .open("public static final class Builder")
        .line("private final " + value + "[] slots = new " + value + "[" + columns.size() + "];");
    if (update) {
      out.line("private " + filter + " filter;");
    }
    out.line("").line("private Builder() {}").line("");
    for (int i = 0; i < columns.size(); i++) {
      Model.Column column = columns.get(i);
      out.line("/** Sets column {@code " + TableGenerator.javadocText(column.name()) + "}. */")
          .open(
              "public Builder "
                  + column.field()
                  + "("
                  + TableGenerator.fieldType(out, column)
                  + " value)")
          .line(
              "slots["
                  + i
                  + "] = "
                  + tableClass
                  + "."
                  + TableGenerator.toValue(column)
                  + "(value);")
          .line("return this;")
          .close()
          .line("");
    }
    if (update) {
      out.line("/** Updates only the rows matching {@code filter} (null: every row). */")
          .open("public Builder where(" + filter + " filter)")
          .line("this.filter = filter;")
          .line("return this;")
          .close()
          .line("");
    }
    out.line("/** The request. */")
        .open("public " + name + " build()")
        .line(
            "return new "
                + name
                + "("
                + out.use(TYPED + "RowValues")
                + ".collect("
                + tableClass
                + ".DEFINITION.columns(), slots)"
                + (update ? ", filter" : "")
                + ");")
        .close();
    out.close();
  }
}
