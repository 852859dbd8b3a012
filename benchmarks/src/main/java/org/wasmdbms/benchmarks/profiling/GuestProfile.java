package org.wasmdbms.benchmarks.profiling;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Prints where a guest benchmark's time went, from a JFR recording of its fork: the share of the
 * JMH worker's execution samples of the last seconds (the measured iterations) per frame on top of
 * the stack (self) and per frame anywhere on it (inclusive). Guest functions ({@code func_<index>}
 * of the generated classes) are named from the module's {@code name} section, so the module must be
 * built with {@code -Dwasmdbms.guest.names=true}; their names start with {@code g:}.
 *
 * <p>Run with the benchmarks' class path (Chicory's parser): {@code java -cp
 * benchmarks/target/classes:<runtime class path> org.wasmdbms.benchmarks.profiling.GuestProfile
 * <recording.jfr> <module.wasm> <last seconds> [top]}. A command-line tool; not thread-safe, not
 * used by the benchmarks themselves.
 */
public final class GuestProfile {
  private GuestProfile() {}

  /**
   * Prints the profile.
   *
   * @param args the recording, the module, the seconds at the end of the recording to count, and
   *     optionally how many frames to print per table (60)
   * @throws Exception if a file cannot be read or parsed
   */
  public static void main(String[] args) throws Exception {
    NameCustomSection names = Parser.parse(Path.of(args[1])).nameSection();
    if (names == null) {
      System.out.println(
          "the module has no name section (build it with -Dwasmdbms.guest.names=true);"
              + " guest functions keep their indexes");
    }
    long lastMillis = (long) (Double.parseDouble(args[2]) * 1000);
    int top = args.length > 3 ? Integer.parseInt(args[3]) : 60;
    List<RecordedEvent> samples = new ArrayList<>();
    Instant end = Instant.MIN;
    try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        RecordedThread thread =
            event.getEventType().getName().equals("jdk.ExecutionSample")
                ? event.getThread("sampledThread")
                : null;
        if (thread != null
            && thread.getJavaName() != null
            && thread.getJavaName().contains("worker")) {
          samples.add(event);
          end = event.getStartTime().isAfter(end) ? event.getStartTime() : end;
        }
      }
    }
    if (samples.isEmpty()) {
      System.out.println(
          "samples: 0 (no execution sample of a JMH worker thread in the recording)");
      return;
    }
    Instant from = end.minusMillis(lastMillis);
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    int counted = 0;
    for (RecordedEvent sample : samples) {
      if (sample.getStartTime().isBefore(from)) {
        continue;
      }
      counted++;
      List<RecordedFrame> frames = sample.getStackTrace().getFrames();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < frames.size(); i++) {
        String frame = name(frames.get(i), names);
        if (i == 0) {
          self.merge(frame, 1, Integer::sum);
        }
        if (seen.add(frame)) {
          inclusive.merge(frame, 1, Integer::sum);
        }
      }
    }
    System.out.println("samples: " + counted);
    print("self", self, counted, top);
    print("inclusive", inclusive, counted, 2 * top);
  }

  private static void print(String title, Map<String, Integer> counts, int total, int top) {
    System.out.println("== " + title);
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "%5.1f %% %6d  %s%n", 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
  }

  private static String name(RecordedFrame frame, NameCustomSection names) {
    String method = frame.getMethod().getName();
    if (method.matches("func_[0-9]+")) {
      String name =
          names == null
              ? null
              : names.nameOfFunction(Integer.parseInt(method.substring("func_".length())));
      return "g:" + (name == null ? method : name);
    }
    String type = frame.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + method;
  }
}
