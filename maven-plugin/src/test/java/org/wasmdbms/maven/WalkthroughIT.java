package org.wasmdbms.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/your-own-guest.md} true. Runs after the integration test (maven-invoker-plugin)
 * has built the sample project {@code src/it/books} with the plugin and run it under the Java host
 * and under Node, and checks that
 *
 * <ul>
 *   <li>every file the walkthrough shows ({@code File `path`:} and a fenced block) is the sample
 *       project's file, word for word (the pom less its {@code walkthrough} profile, which runs the
 *       reader's commands in the test; versions filled in);
 *   <li>every file of the sample project is shown;
 *   <li>the commands typed in the project are the ones the test runs, and every output line shown
 *       for them (digits standing for any number, {@code ...} for anything) is in the build's log.
 * </ul>
 */
class WalkthroughIT {
  private static final Path DOC = Path.of(System.getProperty("walkthrough.doc"));
  private static final Path SAMPLE = Path.of("src/it/books");
  private static final Path BUILD_LOG = Path.of(System.getProperty("walkthrough.log"));
  private static final Pattern FILE = Pattern.compile("^File `([^`]+)`:$");
  private static final Pattern PROFILES =
      Pattern.compile("\\n  <profiles>.*</profiles>\\n", Pattern.DOTALL);

  /** The commands typed in the sample project, in the order the walkthrough shows them. */
  private static final List<String> COMMANDS =
      List.of("mvn verify", "npm install", "node books.mjs");

  @Test
  void everyFileShownIsTheSampleProjectsFile() throws IOException {
    Map<String, String> shown = files(Files.readAllLines(DOC));
    List<String> sampleFiles = new ArrayList<>();
    try (var paths = Files.walk(SAMPLE)) {
      paths
          .filter(Files::isRegularFile)
          .map(path -> SAMPLE.relativize(path).toString())
          .filter(name -> !name.equals("invoker.properties"))
          .sorted()
          .forEach(sampleFiles::add);
    }
    assertEquals(sampleFiles, shown.keySet().stream().sorted().toList(), "files shown");
    for (String name : sampleFiles) {
      String expected = Files.readString(SAMPLE.resolve(name));
      if (name.equals("pom.xml")) {
        expected =
            PROFILES
                .matcher(expected)
                .replaceAll("\n")
                .replace("@project.version@", System.getProperty("walkthrough.version"))
                .replace("@junit.version@", System.getProperty("walkthrough.junit"));
      }
      assertEquals(expected, shown.get(name), name);
    }
  }

  @Test
  void theCommandsAreTheOnesTheTestRanAndTheirOutputIsInItsLog() throws IOException {
    List<String> log = Files.readAllLines(BUILD_LOG);
    List<String> lines = Files.readAllLines(DOC);
    List<String> commands = new ArrayList<>();
    boolean inProject = false;
    boolean console = false;
    for (String line : lines) {
      if (line.equals("```console")) {
        console = true;
      } else if (console && line.equals("```")) {
        console = false;
      } else if (console && line.startsWith("books$ ")) {
        inProject = true;
        commands.add(line.substring("books$ ".length()));
      } else if (console && line.startsWith("$ ")) {
        inProject = false;
      } else if (console && inProject && !line.isBlank()) {
        Pattern shown = outputPattern(line);
        assertTrue(
            log.stream().anyMatch(logged -> shown.matcher(logged).find()),
            "output shown in the walkthrough but not in " + BUILD_LOG + ": " + line);
      }
    }
    assertEquals(COMMANDS, commands, "commands typed in the project");
    assertFalse(log.stream().anyMatch(l -> l.contains("\u001b[")), "colour codes in the log");
    assertFalse(
        log.stream().anyMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("npm warn")),
        "npm warnings in the log");
  }

  /** The files a walkthrough shows, by path, each the text of the fenced block after its name. */
  static Map<String, String> files(List<String> lines) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher name = FILE.matcher(lines.get(i));
      if (!name.matches()) {
        continue;
      }
      int open = i + 1;
      while (lines.get(open).isBlank()) {
        open++;
      }
      assertTrue(lines.get(open).startsWith("```"), "no fenced block after " + lines.get(i));
      StringBuilder text = new StringBuilder();
      int line = open + 1;
      for (; !lines.get(line).equals("```"); line++) {
        text.append(lines.get(line)).append('\n');
      }
      files.put(name.group(1), text.toString());
      i = line;
    }
    return files;
  }

  /** A shown output line as a pattern: digits stand for any number, "..." for anything. */
  static Pattern outputPattern(String line) {
    StringBuilder regex = new StringBuilder();
    for (String part : line.split("\\.\\.\\.", -1)) {
      if (regex.length() > 0) {
        regex.append(".*");
      }
      Matcher digits = Pattern.compile("\\d+").matcher(part);
      int last = 0;
      while (digits.find()) {
        regex.append(Pattern.quote(part.substring(last, digits.start()))).append("\\d+");
        last = digits.end();
      }
      regex.append(Pattern.quote(part.substring(last)));
    }
    return Pattern.compile(regex.toString());
  }
}
