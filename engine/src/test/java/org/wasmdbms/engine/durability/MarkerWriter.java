package org.wasmdbms.engine.durability;

import java.nio.file.Path;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Child-process entry point of {@link KillTest}: opens the database, prints {@code ready}, then
 * commits batches {@code first, first + 1, ...} forever, printing {@code ack <n>} after each commit
 * returns. Arguments: data file, first batch, checkpoint threshold in bytes.
 */
final class MarkerWriter {
  private MarkerWriter() {}

  public static void main(String[] args) {
    Database db = Database.open(DatabaseFiles.open(Path.of(args[0]), Long.parseLong(args[2])));
    MarkerSchema.register(db);
    System.out.println("ready");
    System.out.flush();
    for (long batch = Long.parseLong(args[1]); ; batch++) {
      MarkerSchema.commit(db, batch);
      System.out.println("ack " + batch);
      System.out.flush();
    }
  }
}
