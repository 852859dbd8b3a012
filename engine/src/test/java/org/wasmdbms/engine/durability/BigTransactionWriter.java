package org.wasmdbms.engine.durability;

import java.nio.file.Path;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.engine.query.RowSize;
import org.wasmdbms.engine.write.Writer;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Child-process entry point of {@link BigTransactionTest}, run with a small heap: commits {@link
 * #COMMITTED} rows one by one, then tries one transaction of a given number of rows and prints
 * {@code committed}, {@code refused <error kind> <detail>}, or {@code out of memory} when the JVM
 * ran out of heap. Arguments: data file, rows in the big transaction (or {@code fill}: nearly as
 * many as the default write memory limit admits), optionally the text of each of its rows (else
 * empty).
 */
final class BigTransactionWriter {
  /** Rows committed before the big transaction, ids 0 to {@code COMMITTED - 1}. */
  static final int COMMITTED = 1_000;

  private BigTransactionWriter() {}

  static TableSchema items() {
    return TableSchema.of(
        TableDef.builder("items")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("n", DataType.INT32))
            .column(ColumnDef.builder("t", DataType.TEXT))
            .build());
  }

  static Row item(long id, String text) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("n", new Int32Value((int) id))
        .set("t", new TextValue(text))
        .build();
  }

  /** Nineteen twentieths of the rows that fit in the default write memory limit. */
  private static int fill(String text) {
    long limit = Runtime.getRuntime().maxMemory() / Database.DEFAULT_WRITE_MEMORY_DIVISOR;
    long perRow = 2L * RowSize.FIXED_VALUE_BYTES + text.length() + Writer.ROW_OVERHEAD_BYTES;
    return (int) (limit / perRow * 19 / 20);
  }

  public static void main(String[] args) {
    String text = args.length > 2 ? args[2] : "";
    int rows = args[1].equals("fill") ? fill(text) : Integer.parseInt(args[1]);
    Database db = Database.open(DatabaseFiles.open(Path.of(args[0])));
    db.register(items());
    for (int id = 0; id < COMMITTED; id++) {
      db.insert("items", item(id, ""));
    }
    String outcome;
    try {
      long tx = db.begin();
      for (int id = COMMITTED; id < COMMITTED + rows; id++) {
        db.insert(tx, "items", item(id, text));
      }
      db.commit(tx);
      outcome = "committed";
    } catch (DbmsException e) {
      outcome = "refused " + e.kind() + " " + e.detail();
    } catch (OutOfMemoryError e) {
      outcome = "out of memory";
    }
    System.out.println(outcome);
    db.close();
  }
}
