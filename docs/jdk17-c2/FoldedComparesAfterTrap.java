/**
 * Stand-alone check for the HotSpot C2 defect that the host works around (docs/host.md, "The JDK
 * 17 C2 defect"): JDK-8376400, "C2: folding ifs may cause incorrect execution when trap is taken".
 *
 * <p>{@code check(x)} asks {@code atLeast(x, 16)}, which compares {@code x + MIN} with {@code 16 +
 * MIN} (the signed form of an unsigned comparison, which is what {@code Integer.compareUnsigned}
 * is on JDK 17) and throws if the answer is "yes"; then it compares {@code x + MIN} with {@code 8 +
 * MIN} again. Warmed with {@code x = 12} only, C2 inlines the helper, splits the second test
 * through the helper's result and folds the two comparisons of {@code x + MIN} into one unsigned
 * range check whose failure path is the uncommon trap of the first. {@code check(0)} then fails
 * the folded check, takes that trap, and the interpreter resumes in a state where the helper's
 * answer was "yes": it throws although 0 is below 16.
 *
 * <p>Run: {@code java FoldedComparesAfterTrap.java}. Prints {@code correct} on a fixed JVM (JDK 25
 * here) and {@code WRONG} on an affected one (17.0.15 here).
 */
public class FoldedComparesAfterTrap {
  static int offset = Integer.MIN_VALUE; // a field, so javac leaves the additions in the bytecode
  static int below8;

  static int atLeast(int x, int bound) {
    if (x + offset >= bound + Integer.MIN_VALUE) {
      for (int spin = 0; spin < 100; spin++) {}
      return 1;
    }
    return 0;
  }

  static void check(int x) {
    if (atLeast(x, 16) == 1) {
      throw new IllegalStateException(x + " is at least 16");
    }
    if (x + offset < 8 + Integer.MIN_VALUE) {
      below8++;
    }
    for (int a = 0; a < 10; a++) {
      for (int b = 0; b < 10; b++) {}
    }
  }

  public static void main(String[] args) {
    for (int n = 0; n < 20_000; n++) {
      check(12);
      atLeast(16, 0);
    }
    String outcome;
    try {
      check(0);
      outcome = below8 == 1 ? "correct" : "WRONG: 0 was not counted as below 8";
    } catch (IllegalStateException e) {
      outcome = "WRONG: " + e.getMessage();
    }
    System.out.println(System.getProperty("java.vm.version") + ": " + outcome);
  }
}
