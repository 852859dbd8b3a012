package org.wasmdbms.engine.durability;

import java.nio.file.Path;
import org.wasmdbms.api.migration.MigrationPolicy;
import org.wasmdbms.engine.Database;
import org.wasmdbms.file.DatabaseFiles;

/**
 * Child-process entry point of {@link MigrationKillTest}: opens the database with version 2 of the
 * schema, prints {@code ready}, migrates, prints {@code migrated <milliseconds>} and exits.
 * Argument: the data file.
 */
final class MigrationWriter {
  private MigrationWriter() {}

  public static void main(String[] args) {
    Database db = Database.open(DatabaseFiles.open(Path.of(args[0])));
    db.register(MigrationSchemas.version2());
    System.out.println("ready");
    System.out.flush();
    long start = System.currentTimeMillis();
    db.migrate(MigrationPolicy.SAFE);
    System.out.println("migrated " + (System.currentTimeMillis() - start));
    System.out.flush();
    db.close();
  }
}
