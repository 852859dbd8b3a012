package org.wasmdbms.engine.typed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Value;

/**
 * Eager loading of the rows a foreign key references, used by the generated foreign fetchers: one
 * select of the parent table for all the keys of a list of child records. Stateless; thread-safe
 * like the {@link TypedSession} it reads through.
 */
public final class ForeignKeys {
  private ForeignKeys() {}

  /**
   * Loads the parent records referenced by {@code children}.
   *
   * @param session the session to read through (a transaction sees its own writes)
   * @param children the referencing records
   * @param foreignKey the value of the foreign-key column of a child ({@code Null} for none)
   * @param parent the referenced table
   * @param parentColumn the referenced column, unique in {@code parent}
   * @return the parent record of every non-null key that exists, by key value
   */
  public static <C, P> Map<Value, P> fetch(
      TypedSession session,
      List<C> children,
      Function<C, Value> foreignKey,
      TableMapping<P> parent,
      String parentColumn) {
    Set<Value> seen = new HashSet<>();
    List<Value> keys = new ArrayList<>();
    for (C child : children) {
      Value key = foreignKey.apply(child);
      if (!key.isNull() && seen.add(key)) {
        keys.add(key);
      }
    }
    Map<Value, P> parents = new HashMap<>();
    if (keys.isEmpty()) {
      return parents;
    }
    Query query = Query.builder().filter(new Filter.In(parentColumn, keys)).build();
    for (Row row : session.selectRows(parent.name(), query)) {
      parents.put(row.get(parentColumn), parent.fromRow(row));
    }
    return parents;
  }
}
