package org.wasmdbms.benchmarks.compare;

/**
 * The rows every contestant stores, derived from the id alone so that all contestants hold the same
 * data: user {@code id} is {@code age} years old, where {@code age} is spread evenly over 0..99,
 * and its name starts with that age as two digits ({@code "age42 user 17"}), so a text range on the
 * name selects the same rows as a range on the age (for the guest, whose schema has no age).
 */
final class Users {
  /** Users older than this are what the filter workload selects: ages 51..99, 49 % of the rows. */
  static final int FILTER_AGE = 50;

  /** The smallest name of a user older than {@link #FILTER_AGE}. */
  static final String FIRST_NAME_OLDER_THAN_FILTER_AGE = "age" + (FILTER_AGE + 1);

  private Users() {}

  /** The age of user {@code id}, 0..99. */
  static int age(long id) {
    return (int) (id * 7919 % 100);
  }

  /** The name of user {@code id}: at most 20 characters for ids below 10^9. */
  static String name(long id) {
    int age = age(id);
    return (age < 10 ? "age0" : "age") + age + " user " + id;
  }

  /** The e-mail address of user {@code id}. */
  static String email(long id) {
    return "user" + id + "@example.com";
  }

  /** The title of post {@code id}. */
  static String postTitle(long id) {
    return "post " + id;
  }

  /** The body of post {@code id}. */
  static String postContent(long id) {
    return "the text of post " + id;
  }
}
