package org.wasmdbms.guard;

import java.io.PrintStream;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.typed.TypedSession;
import org.wasmdbms.example.ExampleSchemaDispatcher;
import org.wasmdbms.example.Post;
import org.wasmdbms.example.PostInsert;
import org.wasmdbms.example.PostTable;
import org.wasmdbms.example.PostWithRelations;
import org.wasmdbms.example.User;
import org.wasmdbms.example.UserInsert;
import org.wasmdbms.example.UserTable;
import org.wasmdbms.example.UserUpdate;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * The example schema through the code the annotation processor generated: typed inserts, selects,
 * updates and deletes, eager loading of referenced rows, a transaction, and raw rows routed by the
 * dispatcher. Proves the generated code runs in the guest.
 */
final class GeneratedSchemaScenario {
  private final PrintStream out;
  // No write limit: the JVM's default (a share of Runtime.maxMemory()) does not compile with TeaVM.
  private final Database db = Database.open(new HeapMemoryProvider(), Long.MAX_VALUE);
  private final TypedSession session;

  private GeneratedSchemaScenario(PrintStream out) {
    this.out = out;
    ExampleSchemaDispatcher.INSTANCE.registerAll(db);
    session = TypedSession.autoCommit(db);
  }

  static void run(PrintStream out) {
    new GeneratedSchemaScenario(out).scenario();
  }

  private void scenario() {
    out.println("tables " + db.tables());
    String[] names = {"  Alice ", "Bob", "Charlie"};
    for (int i = 0; i < names.length; i++) {
      User user =
          session.insert(
              UserInsert.builder()
                  .id(id(i + 1))
                  .name(names[i])
                  .email(names[i].trim().toLowerCase() + "@example.com")
                  .build());
      out.println("user " + user.id().value() + " " + user.name() + " " + user.email());
    }
    for (int i = 1; i <= 4; i++) {
      session.insert(
          PostInsert.builder()
              .id(id(i))
              .title("post " + i)
              .content("body " + i)
              .user(id(1 + i % 2))
              .build());
    }
    List<PostWithRelations> posts =
        PostTable.INSTANCE.loadRelations(
            session,
            session.select(
                PostTable.INSTANCE,
                Query.builder().orderBy("id", OrderDirection.DESCENDING).build()));
    for (PostWithRelations post : posts) {
      out.println(post.record().title() + " by " + post.user().name());
    }
    long updated =
        session.update(
            UserUpdate.builder().name("Robert").where(new Filter.Eq("id", id(2))).build());
    out.println("updated " + updated);
    long tx = db.begin();
    TypedSession inTx = TypedSession.inTransaction(db, tx);
    inTx.insert(UserInsert.builder().id(id(9)).name("Eve").email("eve@example.com").build());
    out.println("inside " + inTx.select(UserTable.INSTANCE, Query.ALL).size());
    db.rollback(tx);
    out.println("after rollback " + session.select(UserTable.INSTANCE, Query.ALL).size());
    attempt(
        () ->
            session.insert(
                PostInsert.builder().id(id(99)).title("t").content("c").user(id(77)).build()));
    attempt(() -> session.delete(UserTable.INSTANCE, DeleteBehavior.RESTRICT, null));
    attempt(
        () ->
            session.insert(
                UserInsert.builder().id(id(5)).name("x").email("not an address").build()));
    Row raw = Row.builder().set("id", id(6)).set("name", new TextValue("Raw")).build();
    attempt(() -> ExampleSchemaDispatcher.INSTANCE.insert(session, "users", raw));
    out.println(
        "cascade "
            + session.delete(
                UserTable.INSTANCE, DeleteBehavior.CASCADE, new Filter.Eq("id", id(1))));
    for (User user : session.select(UserTable.INSTANCE, Query.ALL)) {
      out.println("left " + user.id().value() + " " + user.name());
    }
    for (Post post : session.select(PostTable.INSTANCE, Query.ALL)) {
      out.println("left post " + post.id().value() + " of " + post.user().value());
    }
  }

  private void attempt(Runnable action) {
    try {
      action.run();
      out.println("accepted");
    } catch (DbmsException e) {
      out.println(e.kind().witName() + ": " + e.detail());
    }
  }

  private static Uint32Value id(long id) {
    return new Uint32Value(id);
  }
}
