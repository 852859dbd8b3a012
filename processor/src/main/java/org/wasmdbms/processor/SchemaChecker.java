package org.wasmdbms.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The checks that span tables: duplicate table names, foreign keys (target table, column, type and
 * uniqueness) and the dependency order a schema registers its tables in.
 */
final class SchemaChecker {
  private final Diagnostics diagnostics;
  private final Function<TypeElement, Model.Table> tableOf;

  /**
   * Creates the checker.
   *
   * @param tableOf the table a class declares (read from source or the class path), or null if it
   *     is no table
   */
  SchemaChecker(Diagnostics diagnostics, Function<TypeElement, Model.Table> tableOf) {
    this.diagnostics = diagnostics;
    this.tableOf = tableOf;
  }

  /** The tables by name; a second table with a name already taken is reported and left out. */
  Map<String, Model.Table> byName(List<Model.Table> tables) {
    Map<String, Model.Table> byName = new LinkedHashMap<>();
    for (Model.Table table : tables) {
      Model.Table first = byName.putIfAbsent(table.name(), table);
      if (first != null) {
        diagnostics.error(
            table.element(),
            Annotations.find(table.element(), "Table"),
            "duplicate table name " + table.name() + ", also declared by " + first.recordType());
      }
    }
    return byName;
  }

  /** Resolves the foreign keys of {@code table}, reporting every one that does not resolve. */
  List<Model.Relation> relations(Model.Table table, Map<String, Model.Table> byName) {
    List<Model.Relation> relations = new ArrayList<>();
    Set<String> relationNames = new HashSet<>();
    relationNames.add("record");
    for (Model.Column column : table.columns()) {
      Model.ForeignKey key = column.foreignKey();
      if (key == null) {
        continue;
      }
      Model.Table parent = parent(column, key, byName);
      Model.Column parentColumn = parent == null ? null : target(column, key, parent);
      if (parentColumn == null) {
        continue;
      }
      String relation = relationName(column.field());
      if (!relationNames.add(relation)) {
        diagnostics.error(
            column.element(),
            key.annotation(),
            "the relation of foreign key "
                + column.name()
                + " would be called "
                + relation
                + ", a name already taken; rename the field");
        continue;
      }
      relations.add(new Model.Relation(column, parent, parentColumn, relation));
    }
    return relations;
  }

  /** {@code postId} gives {@code post}; other names stay as they are. */
  private static String relationName(String field) {
    return field.length() > 2 && field.endsWith("Id")
        ? field.substring(0, field.length() - 2)
        : field;
  }

  private Model.Table parent(
      Model.Column column, Model.ForeignKey key, Map<String, Model.Table> byName) {
    if (key.entity() == null) {
      Model.Table parent = byName.get(key.table());
      if (parent == null) {
        diagnostics.error(
            column.element(),
            key.annotation(),
            "foreign key "
                + column.name()
                + " references unknown table "
                + key.table()
                + "; declare it with @Table or name its class with entity");
      }
      return parent;
    }
    Model.Table parent = tableOf.apply(key.entity());
    if (parent == null) {
      diagnostics.error(
          column.element(),
          key.annotation(),
          "foreign key entity " + key.entity().getQualifiedName() + " is not a @Table class");
    } else if (!parent.name().equals(key.table())) {
      diagnostics.error(
          column.element(),
          key.annotation(),
          "foreign key entity "
              + key.entity().getQualifiedName()
              + " is table "
              + parent.name()
              + ", not "
              + key.table());
      return null;
    }
    return parent;
  }

  private Model.Column target(Model.Column column, Model.ForeignKey key, Model.Table parent) {
    Model.Column target = parent.column(key.column());
    String where = parent.name() + "." + key.column();
    if (target == null) {
      diagnostics.error(
          column.element(),
          key.annotation(),
          "foreign key " + column.name() + " references unknown column " + where);
      return null;
    }
    if (target.type().dataType() != column.type().dataType()) {
      diagnostics.error(
          column.element(),
          key.annotation(),
          "foreign key "
              + column.name()
              + " is "
              + column.type().dataType().wireName()
              + " but "
              + where
              + " is "
              + target.type().dataType().wireName());
      return null;
    }
    if (!target.primaryKey() && !target.unique()) {
      diagnostics.error(
          column.element(),
          key.annotation(),
          "foreign key "
              + column.name()
              + " references "
              + where
              + ", which is neither the primary key nor unique");
      return null;
    }
    return target;
  }

  /**
   * The tables of a schema in registration order: each after every table its foreign keys
   * reference, otherwise in the order listed.
   *
   * @return the order, or null after reporting a reference outside the schema or a cycle
   */
  List<Model.Table> dependencyOrder(
      Element schema, AnnotationMirror annotation, List<Model.Table> tables) {
    Set<String> listed = new HashSet<>();
    for (Model.Table table : tables) {
      listed.add(table.name());
    }
    boolean complete = true;
    for (Model.Table table : tables) {
      for (String parent : referencedTables(table)) {
        if (!listed.contains(parent)) {
          diagnostics.error(
              schema,
              annotation,
              "table "
                  + table.name()
                  + " references table "
                  + parent
                  + ", which the schema does not list");
          complete = false;
        }
      }
    }
    if (!complete) {
      return null;
    }
    List<Model.Table> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    List<Model.Table> pending = new ArrayList<>(tables);
    while (!pending.isEmpty()) {
      Model.Table next = null;
      for (Model.Table table : pending) {
        if (placed.containsAll(referencedTables(table))) {
          next = table;
          break;
        }
      }
      if (next == null) {
        List<String> names = new ArrayList<>();
        for (Model.Table table : pending) {
          names.add(table.name());
        }
        diagnostics.error(
            schema,
            annotation,
            "the foreign keys of tables " + names + " form a cycle; no registration order exists");
        return null;
      }
      pending.remove(next);
      placed.add(next.name());
      order.add(next);
    }
    return order;
  }

  /** The names of the other tables the foreign keys of {@code table} reference. */
  private static Set<String> referencedTables(Model.Table table) {
    Set<String> names = new LinkedHashSet<>();
    for (Model.Column column : table.columns()) {
      if (column.foreignKey() != null && !column.foreignKey().table().equals(table.name())) {
        names.add(column.foreignKey().table());
      }
    }
    return names;
  }
}
