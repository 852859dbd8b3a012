package org.wasmdbms.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.WitQuery;

/**
 * The guest's Java heap survives TeaVM's garbage collector across export calls: collections are
 * forced between calls through TeaVM's own exports ({@code teavm_gc_collect}, {@code
 * teavm_gc_collectFull}), and every row must come back intact. Without {@code
 * org.wasmdbms.teavm.StaticRootTable} the collector misses one static root (the placeholder value
 * every {@code TreeSet} entry shares); the second forced collection then hangs, so this test fails
 * on its timeout.
 */
class GarbageCollectionTest {
  private static final int USERS = 120;

  @TempDir Path directory;

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void collectionsBetweenCallsLeaveEveryRowIntact() {
    try (GuestInstance guest = new GuestInstance(directory)) {
      DatabaseAbi db = new DatabaseAbi(guest);
      for (int id = 1; id <= USERS; id++) {
        Row stored = db.insert("users", user(id), null);
        assertEquals(new TextValue(name(id)), stored.get("name"));
        if (id % 10 == 0) {
          guest.call(id % 20 == 0 ? "teavm_gc_collectFull" : "teavm_gc_collect");
        }
      }
      List<Row> rows = db.select("users", WitQuery.ALL, null);
      assertEquals(USERS, rows.size());
      for (int id = 1; id <= USERS; id++) {
        assertEquals(user(id), rows.get(id - 1));
      }
    }
  }

  private static String name(int id) {
    // Non-ASCII text too, so the multi-byte paths of the UTF-8 conversions run between collections.
    return "user " + id + (id % 3 == 0 ? " \u00e9\u4e2d" : id % 3 == 1 ? " \ud83d\ude00" : "");
  }

  private static Row user(int id) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name(id)))
        .set("email", new TextValue("u" + id + "@example.com"))
        .build();
  }
}
