package org.wasmdbms.benchmarks.compare;

import java.nio.file.Path;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.host.DatabaseClient;
import org.wasmdbms.host.DbmsHost;
import org.wasmdbms.host.GuestModule;
import org.wasmdbms.host.HostOptions;
import org.wasmdbms.host.Transaction;

/**
 * The example guest (compiled to JVM bytecode ahead of time) run by the Java host on a directory,
 * through its typed client. Its schema is fixed: {@code users(id, name, email)} with no age, so the
 * filter workload selects by name (see {@link Users}). {@link #load} builds the database file with
 * this engine on the JVM, which writes the format the guest reads, before the guest starts: loading
 * is not measured, and a million inserts through the guest would take most of the time budget.
 */
final class GuestUsersDatabase implements UsersDatabase {
  private static final GuestModule MODULE = ExampleGuest.module();

  private final Path directory;
  private final ApiRequests requests = new ApiRequests(false);
  private DbmsHost host;
  private DatabaseClient client;

  GuestUsersDatabase(Path directory) {
    this.directory = directory;
  }

  /** The client, starting the guest on the first call. */
  private DatabaseClient client() {
    if (client == null) {
      host = DbmsHost.start(MODULE, HostOptions.withDirectory(directory));
      client = host.client();
    }
    return client;
  }

  @Override
  public void load(int users, int posts) {
    if (host != null) {
      throw new IllegalStateException("the guest's file is built before the guest starts");
    }
    try (EngineUsersDatabase jvm = EngineUsersDatabase.onGuestFile(directory)) {
      jvm.load(users, posts);
    }
  }

  @Override
  public void insertUser(long id) {
    client().insert(ApiRequests.USERS, requests.user(id));
  }

  @Override
  public void insertUsersBatched(long firstId, int count) {
    insertUsersInTransaction(firstId, count);
  }

  @Override
  public void insertUsersInTransaction(long firstId, int count) {
    try (Transaction tx = client().begin()) {
      for (long id = firstId; id < firstId + count; id++) {
        tx.insert(ApiRequests.USERS, requests.user(id));
      }
      tx.commit();
    }
  }

  @Override
  public String readUser(long id) {
    return ApiRequests.firstName(client().select(ApiRequests.USERS, ApiRequests.oneById(id)));
  }

  @Override
  public void renameUser(long id, String name) {
    client().update(ApiRequests.USERS, ApiRequests.name(name), ApiRequests.byId(id));
  }

  @Override
  public void deleteUser(long id) {
    client().delete(ApiRequests.USERS, DeleteBehavior.RESTRICT, ApiRequests.byId(id));
  }

  @Override
  public void deleteAllUsers() {
    client().delete(ApiRequests.USERS, DeleteBehavior.RESTRICT, null);
  }

  @Override
  public int readUsersOlderThanFilterAge() {
    return client().select(ApiRequests.USERS, requests.olderThanFilterAge()).size();
  }

  @Override
  public long readTenFrom(long id) {
    return ApiRequests.sumOfIds(client().select(ApiRequests.USERS, ApiRequests.tenFrom(id)));
  }

  @Override
  public void insertPosts(int count, int users) {
    try (Transaction tx = client().begin()) {
      for (long id = 0; id < count; id++) {
        tx.insert(ApiRequests.POSTS, requests.post(id, users));
      }
      tx.commit();
    }
  }

  @Override
  public int joinUsersWithPosts() {
    return client().select(ApiRequests.USERS, requests.usersWithPosts()).size();
  }

  @Override
  public void close() {
    if (host != null) {
      host.close();
    }
  }
}
