package org.wasmdbms.engine.tx;

import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.write.Patch;

/**
 * One successful write of a transaction, kept so that commit can apply it again, for real, against
 * the committed state of that moment. Inserts keep the row as shaped when the transaction ran them
 * (so their autoincrement values stay); updates and deletes keep their filter, which commit
 * evaluates again.
 */
public sealed interface Operation {
  /** The table written. */
  String table();

  /** An insert of a shaped row. */
  record Insert(String table, Value[] row) implements Operation {}

  /** An update of the rows matching {@code filter} (null: every row). */
  record Update(String table, Patch patch, Filter filter) implements Operation {}

  /** A delete of the rows matching {@code filter} (null: every row). */
  record Delete(String table, Filter filter, DeleteBehavior behavior) implements Operation {}
}
