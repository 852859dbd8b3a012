package org.wasmdbms.benchmarks.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A SQL database through JDBC (H2, SQLite through xerial, or sqlite4j), on one connection with
 * prepared statements. Tables: {@code users(id INTEGER PRIMARY KEY, name, email, age)} with no
 * secondary index, and {@code posts(id INTEGER PRIMARY KEY, title, content, user_id)} with an index
 * on {@code user_id} for the join.
 */
final class JdbcUsersDatabase implements UsersDatabase {
  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL,"
              + " email VARCHAR(64) NOT NULL, age INTEGER NOT NULL)",
          "CREATE TABLE posts (id INTEGER PRIMARY KEY, title VARCHAR(64) NOT NULL,"
              + " content VARCHAR(255) NOT NULL, user_id INTEGER NOT NULL)",
          "CREATE INDEX posts_by_user ON posts (user_id)");

  private final Connection connection;
  private final PreparedStatement insertUser;
  private final PreparedStatement selectUser;
  private final PreparedStatement renameUser;
  private final PreparedStatement deleteUser;
  private final PreparedStatement deleteAllUsers;
  private final PreparedStatement olderThan;
  private final PreparedStatement tenFrom;
  private final PreparedStatement insertPost;
  private final PreparedStatement join;

  /** A statement that may throw {@link SQLException}. */
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private static <T> T sql(SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
    }
  }

  /**
   * Connects to {@code url}, checks that the driver serving it is in {@code driverPackage} (xerial
   * and sqlite4j both serve {@code jdbc:sqlite:}: the class path decides which one runs), runs the
   * {@code settings} statements (pragmas), and creates the tables.
   */
  JdbcUsersDatabase(String url, String driverPackage, List<String> settings) {
    connection =
        sql(
            () -> {
              String driver = DriverManager.getDriver(url).getClass().getName();
              if (!driver.startsWith(driverPackage + ".")) {
                throw new IllegalStateException(
                    url + " is served by " + driver + ", not by " + driverPackage);
              }
              return DriverManager.getConnection(url);
            });
    try {
      sql(
          () -> {
            try (Statement statement = connection.createStatement()) {
              for (String setting : settings) {
                statement.execute(setting);
              }
              for (String ddl : SCHEMA) {
                statement.execute(ddl);
              }
            }
            return null;
          });
      insertUser = prepare("INSERT INTO users (id, name, email, age) VALUES (?, ?, ?, ?)");
      selectUser = prepare("SELECT id, name, email, age FROM users WHERE id = ?");
      renameUser = prepare("UPDATE users SET name = ? WHERE id = ?");
      deleteUser = prepare("DELETE FROM users WHERE id = ?");
      deleteAllUsers = prepare("DELETE FROM users");
      olderThan = prepare("SELECT id, name, email, age FROM users WHERE age > ?");
      tenFrom =
          prepare("SELECT id, name, email, age FROM users WHERE id >= ? ORDER BY id LIMIT 10");
      insertPost = prepare("INSERT INTO posts (id, title, content, user_id) VALUES (?, ?, ?, ?)");
      join =
          prepare(
              "SELECT u.id, u.name, p.id, p.title FROM users u"
                  + " INNER JOIN posts p ON p.user_id = u.id");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private PreparedStatement prepare(String statement) {
    return sql(() -> connection.prepareStatement(statement));
  }

  /** The value of the first row's first column of {@code query}, for checks of the settings. */
  String queryOne(String query) {
    return sql(
        () -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
          }
        });
  }

  private void bindUser(long id) throws SQLException {
    insertUser.setLong(1, id);
    insertUser.setString(2, Users.name(id));
    insertUser.setString(3, Users.email(id));
    insertUser.setInt(4, Users.age(id));
  }

  /** Runs {@code work} in one transaction, rolled back if it fails. */
  private void inTransaction(SqlWork<Void> work) {
    sql(
        () -> {
          connection.setAutoCommit(false);
          try {
            work.run();
            connection.commit();
          } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
          } finally {
            connection.setAutoCommit(true);
          }
          return null;
        });
  }

  @Override
  public void insertUser(long id) {
    sql(
        () -> {
          bindUser(id);
          return insertUser.executeUpdate();
        });
  }

  @Override
  public void insertUsersBatched(long firstId, int count) {
    inTransaction(
        () -> {
          for (long id = firstId; id < firstId + count; id++) {
            bindUser(id);
            insertUser.addBatch();
          }
          insertUser.executeBatch();
          return null;
        });
  }

  @Override
  public void insertUsersInTransaction(long firstId, int count) {
    inTransaction(
        () -> {
          for (long id = firstId; id < firstId + count; id++) {
            bindUser(id);
            insertUser.executeUpdate();
          }
          return null;
        });
  }

  /** How many rows a read returned, and the last name among them. */
  private record UsersRead(int rows, String lastName) {}

  /** Reads every column of every row of {@code rows}, then closes it. */
  private static UsersRead readUsers(ResultSet rows) throws SQLException {
    int count = 0;
    String name = null;
    try (rows) {
      while (rows.next()) {
        rows.getLong(1);
        name = rows.getString(2);
        rows.getString(3);
        rows.getInt(4);
        count++;
      }
    }
    return new UsersRead(count, name);
  }

  @Override
  public String readUser(long id) {
    return sql(
        () -> {
          selectUser.setLong(1, id);
          return readUsers(selectUser.executeQuery()).lastName();
        });
  }

  @Override
  public void renameUser(long id, String name) {
    sql(
        () -> {
          renameUser.setString(1, name);
          renameUser.setLong(2, id);
          return renameUser.executeUpdate();
        });
  }

  @Override
  public void deleteUser(long id) {
    sql(
        () -> {
          deleteUser.setLong(1, id);
          return deleteUser.executeUpdate();
        });
  }

  @Override
  public void deleteAllUsers() {
    sql(deleteAllUsers::executeUpdate);
  }

  @Override
  public int readUsersOlderThanFilterAge() {
    return sql(
        () -> {
          olderThan.setInt(1, Users.FILTER_AGE);
          return readUsers(olderThan.executeQuery()).rows();
        });
  }

  @Override
  public long readTenFrom(long id) {
    return sql(
        () -> {
          tenFrom.setLong(1, id);
          long sum = 0;
          try (ResultSet rows = tenFrom.executeQuery()) {
            while (rows.next()) {
              sum += rows.getLong(1);
              rows.getString(2);
              rows.getString(3);
              rows.getInt(4);
            }
          }
          return sum;
        });
  }

  @Override
  public void insertPosts(int count, int users) {
    inTransaction(
        () -> {
          for (long id = 0; id < count; id++) {
            insertPost.setLong(1, id);
            insertPost.setString(2, Users.postTitle(id));
            insertPost.setString(3, Users.postContent(id));
            insertPost.setLong(4, id % users);
            insertPost.addBatch();
          }
          insertPost.executeBatch();
          return null;
        });
  }

  @Override
  public int joinUsersWithPosts() {
    return sql(
        () -> {
          int pairs = 0;
          try (ResultSet rows = join.executeQuery()) {
            while (rows.next()) {
              rows.getLong(1);
              rows.getString(2);
              rows.getLong(3);
              rows.getString(4);
              pairs++;
            }
          }
          return pairs;
        });
  }

  @Override
  public void close() {
    sql(
        () -> {
          connection.close();
          return null;
        });
  }
}
