package org.wasmdbms.benchmarks.compare;

import java.util.List;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Value;

/**
 * The rows, filters and queries of the workloads in the api module's types, shared by this engine
 * on the JVM and the guest through the host. With {@code withAge} false they fit the example schema
 * of the guest, whose {@code users} table has no {@code age}.
 */
final class ApiRequests {
  static final String USERS = "users";
  static final String POSTS = "posts";

  private final boolean withAge;

  ApiRequests(boolean withAge) {
    this.withAge = withAge;
  }

  /** Whether the users have an age column. */
  boolean withAge() {
    return withAge;
  }

  Row user(long id) {
    Row.Builder row =
        Row.builder()
            .set("id", new Uint32Value(id))
            .set("name", new TextValue(Users.name(id)))
            .set("email", new TextValue(Users.email(id)));
    if (withAge) {
      row.set("age", new Int32Value(Users.age(id)));
    }
    return row.build();
  }

  /** The column of a post that holds its user's id: {@code user} in the example schema. */
  String postUserColumn() {
    return withAge ? "user_id" : "user";
  }

  /** Post {@code id}, by user {@code id % users}. */
  Row post(long id, int users) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(Users.postTitle(id)))
        .set("content", new TextValue(Users.postContent(id)))
        .set(postUserColumn(), new Uint32Value(id % users))
        .build();
  }

  /** Every user joined with each of its posts. */
  Query usersWithPosts() {
    return Query.builder().join(JoinType.INNER, POSTS, "users.id", postUserColumn()).build();
  }

  static Filter byId(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  static Query oneById(long id) {
    return Query.builder().filter(byId(id)).build();
  }

  static Row name(String name) {
    return Row.builder().set("name", new TextValue(name)).build();
  }

  /** Users older than the filter age; by name prefix when there is no age column. */
  Query olderThanFilterAge() {
    Filter filter =
        withAge
            ? new Filter.Gt("age", new Int32Value(Users.FILTER_AGE))
            : new Filter.Ge("name", new TextValue(Users.FIRST_NAME_OLDER_THAN_FILTER_AGE));
    return Query.builder().filter(filter).build();
  }

  static Query tenFrom(long id) {
    return Query.builder()
        .filter(new Filter.Ge("id", new Uint32Value(id)))
        .orderBy("id", OrderDirection.ASCENDING)
        .limit(10)
        .build();
  }

  static String firstName(List<Row> rows) {
    return rows.isEmpty() ? null : ((TextValue) rows.get(0).get("name")).value();
  }

  static long sumOfIds(List<Row> rows) {
    long sum = 0;
    for (Row row : rows) {
      Value id = row.get("id");
      sum += ((Uint32Value) id).value();
    }
    return sum;
  }
}
