package org.wasmdbms.benchmarks.compare;

/**
 * The workloads, each one operation measured again and again on a table prepared once per trial.
 * Workloads that {@link #resets()} restore their table before every operation, outside the measured
 * time (a delete puts the deleted row back, an insert starts from an empty table).
 */
public enum Workload {
  /** One row into an empty table. */
  INSERT("insert", "insert one row into an empty table", 0, 0, true) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      db.insertUser(0);
      return null;
    }

    @Override
    void reset(UsersDatabase db, Cursor cursor) {
      db.deleteUser(0);
    }
  },
  /** A primary-key read among 1,000 users. */
  READ("read", "read one row by primary key, 1,000 users", 1_000, 0, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      return db.readUser(cursor.next(1_000));
    }
  },
  /** A primary-key update among 1,000 users. */
  UPDATE("update", "update one row by primary key, 1,000 users", 1_000, 0, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      long id = cursor.next(1_000);
      db.renameUser(id, "renamed " + id);
      return null;
    }
  },
  /** A primary-key delete among 1,000 users; the row is put back before the next one. */
  DELETE("delete", "delete one row by primary key, 1,000 users", 1_000, 0, true) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      long id = cursor.next(1_000);
      db.deleteUser(id);
      cursor.deleted = id;
      return null;
    }

    @Override
    void reset(UsersDatabase db, Cursor cursor) {
      if (cursor.deleted >= 0) {
        db.insertUser(cursor.deleted);
        cursor.deleted = -1;
      }
    }
  },
  /** 1,000 rows in one transaction, batched where the contestant can batch. */
  BULK_INSERT("bulk-insert", "bulk insert of 1,000 rows (one transaction)", 0, 0, true) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      db.insertUsersBatched(0, 1_000);
      return null;
    }

    @Override
    void reset(UsersDatabase db, Cursor cursor) {
      db.deleteAllUsers();
    }
  },
  /** A filter without an index over 10,000 users, 49 % of which match. */
  FILTER("filter", "filter age > 50 over 10,000 users (4,900 rows)", 10_000, 0, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      return db.readUsersOlderThanFilterAge();
    }
  },
  /** Every user with each of its posts. */
  JOIN("join", "inner join of 100 users with 10,000 posts", 100, 10_000, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      return db.joinUsersWithPosts();
    }
  },
  /** 100 single-row inserts in one transaction. */
  TRANSACTION("transaction", "one transaction of 100 inserts", 0, 0, true) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      db.insertUsersInTransaction(0, 100);
      return null;
    }

    @Override
    void reset(UsersDatabase db, Cursor cursor) {
      db.deleteAllUsers();
    }
  },
  /** One row committed durably, with each contestant's most durable setting offered here. */
  DURABLE_COMMIT("durable-commit", "durable single-row commit", 0, 0, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      db.insertUser(cursor.sequence++);
      return null;
    }

    @Override
    String whyNot(Contestant contestant) {
      return contestant.storage() == Contestant.Storage.FILE ? null : "in memory: not durable";
    }

    @Override
    public String caveat(Contestant contestant) {
      return contestant == Contestant.H2_FILE ? "commit not synced" : null;
    }
  },
  /** A primary-key read among a million users. */
  LOOKUP_1M("lookup-1m", "read one row by primary key, 1,000,000 users", 1_000_000, 0, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      return db.readUser(cursor.next(1_000_000));
    }
  },
  /** Ten rows in key order from a given key. */
  RANGE("range", "ordered range scan, LIMIT 10, 10,000 users", 10_000, 0, false) {
    @Override
    Object run(UsersDatabase db, Cursor cursor) {
      return db.readTenFrom(cursor.next(10_000 - 10));
    }
  };

  /** Where a workload is in its run of operations. */
  static final class Cursor {
    private long probe;
    long deleted = -1;
    long sequence;

    /**
     * The next key in {@code 0..bound-1}: a stride through the keys that is prime, so it visits
     * them all before repeating, and large, so consecutive keys are far apart.
     */
    long next(long bound) {
      probe = (probe + 104_729) % bound;
      return probe;
    }
  }

  private final String id;
  private final String title;
  private final int users;
  private final int posts;
  private final boolean resets;

  Workload(String id, String title, int users, int posts, boolean resets) {
    this.id = id;
    this.title = title;
    this.users = users;
    this.posts = posts;
    this.resets = resets;
  }

  /** One operation; returns what it read (so that the reading cannot be optimised away). */
  abstract Object run(UsersDatabase db, Cursor cursor);

  /** Restores the table before an operation of a workload that {@link #resets()}. */
  void reset(UsersDatabase db, Cursor cursor) {}

  /** Why {@code contestant} does not run this workload, or null if it does. */
  String whyNot(Contestant contestant) {
    return null;
  }

  /**
   * What a reader must know beside {@code contestant}'s figure for this workload, or null: for
   * example that H2's "durable" commit is not synced.
   */
  public String caveat(Contestant contestant) {
    return null;
  }

  /** Whether {@code contestant} runs this workload. */
  public boolean runsOn(Contestant contestant) {
    return whyNot(contestant) == null;
  }

  /** What stands in the table instead of a figure when {@code contestant} cannot run this. */
  public String reasonNotRun(Contestant contestant) {
    String reason = whyNot(contestant);
    if (reason == null) {
      throw new IllegalArgumentException(contestant.id() + " runs " + id);
    }
    return reason;
  }

  /** Whether an operation writes (as opposed to only reading). */
  public boolean writes() {
    return switch (this) {
      case READ, FILTER, JOIN, LOOKUP_1M, RANGE -> false;
      case INSERT, UPDATE, DELETE, BULK_INSERT, TRANSACTION, DURABLE_COMMIT -> true;
    };
  }

  /** Whether the table is restored before every operation (outside the measured time). */
  public boolean resets() {
    return resets;
  }

  /** Whether contestants with a durability setting use their most durable one. */
  boolean durable() {
    return this == DURABLE_COMMIT;
  }

  /** Fills a freshly opened database for this workload. */
  void prepare(UsersDatabase db) {
    if (users > 0) {
      db.load(users, posts);
    }
  }

  /** The short name used in parameters and result files, for example {@code read}. */
  public String id() {
    return id;
  }

  /** The description shown in tables. */
  public String title() {
    return title;
  }

  /**
   * The workload called {@code id}.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Workload byId(String id) {
    for (Workload workload : values()) {
      if (workload.id.equals(id)) {
        return workload;
      }
    }
    throw new IllegalArgumentException("no workload " + id);
  }
}
