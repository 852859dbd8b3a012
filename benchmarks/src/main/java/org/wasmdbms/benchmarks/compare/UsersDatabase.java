package org.wasmdbms.benchmarks.compare;

/**
 * What a contestant does in the workloads, on a table {@code users(id, name, email, age)} (the
 * guest's fixed schema has no {@code age}) and a table {@code posts(id, title, content, user_id)}.
 * Rows come from {@link Users}. Operations outside a transaction commit on their own. Every read
 * returns something derived from all the values it read, so that no JIT can skip the reading.
 */
public interface UsersDatabase extends AutoCloseable {
  /** How many rows {@link #load} inserts per transaction. */
  int LOAD_BATCH = 10_000;

  /**
   * Loads users {@code 0..users-1} in transactions of {@link #LOAD_BATCH} rows and, if {@code
   * posts} is not zero, posts {@code 0..posts-1}, post {@code p} by user {@code p % users}.
   */
  default void load(int users, int posts) {
    for (int from = 0; from < users; from += LOAD_BATCH) {
      insertUsersBatched(from, Math.min(LOAD_BATCH, users - from));
    }
    if (posts > 0) {
      insertPosts(posts, users);
    }
  }

  /** Inserts user {@code id}. */
  void insertUser(long id);

  /**
   * Inserts users {@code firstId..firstId+count-1} in one transaction, the fastest way the
   * contestant offers (a JDBC batch for the SQL databases).
   */
  void insertUsersBatched(long firstId, int count);

  /** Inserts users {@code firstId..firstId+count-1} in one transaction, one statement per row. */
  void insertUsersInTransaction(long firstId, int count);

  /** Reads user {@code id} by primary key; returns its name. */
  String readUser(long id);

  /** Sets the name of user {@code id}. */
  void renameUser(long id, String name);

  /** Deletes user {@code id} (nothing if there is none). */
  void deleteUser(long id);

  /** Deletes every user. */
  void deleteAllUsers();

  /**
   * Reads every user older than {@link Users#FILTER_AGE} without an index (for the guest: every
   * user whose name is at least {@link Users#FIRST_NAME_OLDER_THAN_FILTER_AGE}); returns how many.
   */
  int readUsersOlderThanFilterAge();

  /** Reads the ten users from {@code id} on, in primary-key order; returns the sum of their ids. */
  long readTenFrom(long id);

  /**
   * Inserts posts {@code 0..count-1} in one transaction, post {@code p} by user {@code p % users},
   * for the join.
   */
  void insertPosts(int count, int users);

  /** Reads every user joined with each of its posts; returns how many pairs. */
  int joinUsersWithPosts();

  /** Closes the database; a file database stays on the disk. */
  @Override
  void close();
}
