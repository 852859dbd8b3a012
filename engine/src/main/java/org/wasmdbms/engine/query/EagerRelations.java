package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.ForeignKeyDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.TableData;
import org.wasmdbms.engine.data.Tables;
import org.wasmdbms.engine.data.ValueKey;

/**
 * The eager relations of a select: for each, the row its foreign key references is appended to
 * every selected row, its columns named {@code <relation as given>.<column>} in the referenced
 * table's column order, all null where the key is null. A relation is named by a foreign-key column
 * of the table, or by the referenced table when exactly one foreign key of the table references it.
 *
 * <p>They are attached to the rows a select returns, after ordering and windowing, so filter,
 * ordering and distinct see only the table's own columns. Each relation reads its referenced rows
 * in one batch of key lookups over the distinct keys of all the rows, never one read per row.
 * Immutable once bound.
 */
final class EagerRelations {
  /** One relation: the foreign-key column, the referenced table and column. */
  private record Relation(String name, int column, TableData parent, int parentColumn) {
    Value[] nulls() {
      Value[] nulls = new Value[parent.schema().definition().columns().size()];
      Arrays.fill(nulls, NullValue.INSTANCE);
      return nulls;
    }
  }

  private final List<Relation> relations;

  private EagerRelations(List<Relation> relations) {
    this.relations = relations;
  }

  /**
   * Binds the relations {@code names} of {@code table}.
   *
   * @throws UnknownColumnException for a name that is no foreign-key column and no table referenced
   *     by one
   * @throws InvalidQueryException for a name given twice, or a table referenced by several foreign
   *     keys
   */
  static EagerRelations bind(Tables tables, TableDef table, List<String> names) {
    List<Relation> relations = new ArrayList<>(names.size());
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new InvalidQueryException("eager relation " + name + " is named twice");
      }
      int column = foreignKeyColumn(table, name);
      ForeignKeyDef key = table.columns().get(column).foreignKey().orElseThrow();
      TableData parent = tables.table(key.table());
      int parentColumn = parent.schema().definition().columnIndex(key.column());
      relations.add(new Relation(name, column, parent, parentColumn));
    }
    return new EagerRelations(relations);
  }

  private static int foreignKeyColumn(TableDef table, String name) {
    int column = table.columnIndex(name);
    if (column >= 0 && table.columns().get(column).foreignKey().isPresent()) {
      return column;
    }
    int found = -1;
    for (int c = 0; c < table.columns().size(); c++) {
      ColumnDef def = table.columns().get(c);
      if (def.foreignKey().isPresent() && def.foreignKey().get().table().equals(name)) {
        if (found >= 0) {
          throw new InvalidQueryException(
              "several foreign keys of "
                  + table.name()
                  + " reference "
                  + name
                  + "; name the relation by its column");
        }
        found = c;
      }
    }
    if (found < 0) {
      throw new UnknownColumnException(name);
    }
    return found;
  }

  /** {@code columns} followed by the names of the columns the relations add, in order. */
  List<String> columnsAfter(List<String> columns) {
    List<String> names = new ArrayList<>(columns);
    for (Relation relation : relations) {
      for (ColumnDef column : relation.parent.schema().definition().columns()) {
        names.add(relation.name + "." + column.name());
      }
    }
    return names;
  }

  /** {@code rows} with the referenced rows appended, each addition counted in {@code memory}. */
  List<Value[]> attach(List<Value[]> rows, SelectMemory memory) {
    List<Map<ValueKey, Value[]>> referenced = new ArrayList<>(relations.size());
    int width = rows.isEmpty() ? 0 : rows.get(0).length;
    for (Relation relation : relations) {
      referenced.add(fetch(relation, rows));
      width += relation.parent.schema().definition().columns().size();
    }
    List<Value[]> attached = new ArrayList<>(rows.size());
    for (Value[] row : rows) {
      Value[] wide = Arrays.copyOf(row, width);
      int at = row.length;
      for (int r = 0; r < relations.size(); r++) {
        Relation relation = relations.get(r);
        Value key = row[relation.column];
        Value[] parent = key.isNull() ? null : referenced.get(r).get(ValueKey.of(key));
        if (parent == null) {
          parent = relation.nulls();
        }
        memory.hold(parent);
        System.arraycopy(parent, 0, wide, at, parent.length);
        at += parent.length;
      }
      attached.add(wide);
    }
    return attached;
  }

  /** The rows {@code relation} references from {@code rows}, read in one batch, by key. */
  private static Map<ValueKey, Value[]> fetch(Relation relation, List<Value[]> rows) {
    Set<ValueKey> seen = new HashSet<>();
    List<Value> keys = new ArrayList<>();
    for (Value[] row : rows) {
      Value key = row[relation.column];
      if (!key.isNull() && seen.add(ValueKey.of(key))) {
        keys.add(key);
      }
    }
    keys.sort(Values.comparator());
    boolean primaryKey =
        relation.parent.schema().definition().columns().get(relation.parentColumn).primaryKey();
    Map<ValueKey, Value[]> found = new HashMap<>();
    Iterator<Value[]> parents =
        new AccessPath.KeyLookup(relation.parentColumn, primaryKey, keys).rows(relation.parent);
    while (parents.hasNext()) {
      Value[] parent = parents.next();
      found.put(ValueKey.of(parent[relation.parentColumn]), parent);
    }
    return found;
  }
}
