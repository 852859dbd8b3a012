package org.wasmdbms.processor;

import java.util.List;

/**
 * Writes the eager-loading code of a table with foreign keys: the typed record {@code
 * <Base>WithRelations} that holds a record and the records its foreign keys reference, and, inside
 * {@code <Base>Table}, one foreign fetcher per foreign key plus {@code loadRelations}.
 */
final class RelationsGenerator {
  private static final String TYPED = "org.wasmdbms.engine.typed.";

  private RelationsGenerator() {}

  /** The source of {@code <Base>WithRelations}. */
  static String generateRecord(Model.Table table, List<Model.Relation> relations) {
    JavaWriter out = new JavaWriter(table.packageName());
    out.line("/**")
        .line(
            " * Generated: a {@link " + table.recordType() + "} with the records its foreign keys")
        .line(" * reference, loaded eagerly (null where the key is null or no referenced row is")
        .line(" * visible to the session).")
        .line(" *")
        .line(" * @param record the record");
    for (Model.Relation relation : relations) {
      out.line(
          " * @param "
              + relation.relation()
              + " the {@code "
              + TableGenerator.javadocText(relation.parent().name())
              + "} row referenced by {@code "
              + TableGenerator.javadocText(relation.column().name())
              + "}");
    }
    out.line(" */");
    StringBuilder header =
        new StringBuilder("public record " + table.baseName() + "WithRelations(")
            .append(table.recordType())
            .append(" record");
    for (Model.Relation relation : relations) {
      header
          .append(", ")
          .append(relation.parent().recordType())
          .append(' ')
          .append(relation.relation());
    }
    out.line(header.append(") {}").toString());
    return out.toSource();
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * Writes the {@code RelationMapping} methods: the foreign-key columns as eager relations, and the
   * record with relations built from a row that holds them.
   */
  private static void writeRelationMapping(
      JavaWriter out, List<Model.Relation> relations, String withRelations) {
    String list = out.use("java.util.List");
    String row = out.use("org.wasmdbms.api.row.Row");
    String mapping = out.use(TYPED + "RelationMapping");
    StringBuilder names = new StringBuilder();
    StringBuilder records = new StringBuilder("return new " + withRelations + "(fromRow(row)");
    for (Model.Relation relation : relations) {
      String column = "Columns." + relation.column().field();
      names.append(names.length() == 0 ? "" : ", ").append(column);
      records
          .append(", ")
          .append(mapping)
          .append(".related(row, ")
          .append(column)
          .append(", ")
          .append(out.use(relation.parent().generated("Table")))
          .append(".INSTANCE)");
    }
    out.line("@Override")
        .open("public " + list + "<String> relations()")
        .line("return " + list + ".of(" + names + ");")
        .close()
        .line("");
    out.line("@Override")
        .open("public " + withRelations + " withRelations(" + row + " row)")
        .line(records.append(");").toString())
        .close()
        .line("");
  }

  /** Writes the fetchers and {@code loadRelations} into the table class being written. */
  static void writeFetchers(JavaWriter out, Model.Table table, List<Model.Relation> relations) {
    String record = table.recordType();
    String session = out.use(TYPED + "TypedSession");
    String list = out.use("java.util.List");
    String map = out.use("java.util.Map");
    String value = out.use("org.wasmdbms.api.value.Value");
    for (Model.Relation relation : relations) {
      String parentTable = out.use(relation.parent().generated("Table"));
      out.line("/**")
          .line(
              " * Foreign fetcher: loads, in one select, the {@code "
                  + TableGenerator.javadocText(relation.parent().name())
                  + "} rows that column {@code "
                  + TableGenerator.javadocText(relation.column().name())
                  + "} of {@code records}")
          .line(" * references, by key value.")
          .line(" */")
          .open(
              "public "
                  + map
                  + "<"
                  + value
                  + ", "
                  + relation.parent().recordType()
                  + "> fetch"
                  + capitalize(relation.relation())
                  + "("
                  + session
                  + " session, "
                  + list
                  + "<"
                  + record
                  + "> records)")
          .line("return " + out.use(TYPED + "ForeignKeys") + ".fetch(")
          .line("    session,")
          .line("    records,")
          .line(
              "    r -> "
                  + TableGenerator.toValue(relation.column())
                  + "(r."
                  + relation.column().read()
                  + "),")
          .line("    " + parentTable + ".INSTANCE,")
          .line("    " + parentTable + ".Columns." + relation.parentColumn().field() + ");")
          .close()
          .line("");
    }
    String withRelations = table.baseName() + "WithRelations";
    writeRelationMapping(out, relations, withRelations);
    out.line("/** The records with the rows their foreign keys reference, in the same order. */")
        .open(
            "public "
                + list
                + "<"
                + withRelations
                + "> loadRelations("
                + session
                + " session, "
                + list
                + "<"
                + record
                + "> records)");
    for (Model.Relation relation : relations) {
      out.line(
          map
              + "<"
              + value
              + ", "
              + relation.parent().recordType()
              + "> by"
              + capitalize(relation.relation())
              + " = fetch"
              + capitalize(relation.relation())
              + "(session, records);");
    }
    out.line(
        list
            + "<"
            + withRelations
            + "> loaded = new "
            + out.use("java.util.ArrayList")
            + "<>(records.size());");
    out.open("for (" + record + " r : records)");
    StringBuilder line = new StringBuilder("loaded.add(new " + withRelations + "(r");
    for (Model.Relation relation : relations) {
      line.append(", by")
          .append(capitalize(relation.relation()))
          .append(".get(")
          .append(TableGenerator.toValue(relation.column()))
          .append("(r.")
          .append(relation.column().read())
          .append("))");
    }
    out.line(line.append("));").toString());
    out.close().line("return loaded;").close().line("");
  }
}
