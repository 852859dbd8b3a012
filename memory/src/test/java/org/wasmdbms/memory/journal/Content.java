package org.wasmdbms.memory.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasmdbms.memory.MemoryProvider;

/** The full content of a provider as a list of pages: the model the durability tests compare. */
final class Content {
  private static final int PAGE = MemoryProvider.PAGE_SIZE;

  private final List<byte[]> pages;

  private Content(List<byte[]> pages) {
    this.pages = pages;
  }

  static Content empty() {
    return new Content(new ArrayList<>());
  }

  /** Reads every page of {@code provider}. */
  static Content of(MemoryProvider provider) {
    List<byte[]> pages = new ArrayList<>();
    for (long p = 0; p < provider.pages(); p++) {
      byte[] page = new byte[PAGE];
      provider.read(p * PAGE, page);
      pages.add(page);
    }
    return new Content(pages);
  }

  Content copy() {
    List<byte[]> copy = new ArrayList<>();
    for (byte[] page : pages) {
      copy.add(page.clone());
    }
    return new Content(copy);
  }

  int pages() {
    return pages.size();
  }

  void grow(int count) {
    for (int i = 0; i < count; i++) {
      pages.add(new byte[PAGE]);
    }
  }

  void write(long offset, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      long at = offset + i;
      pages.get((int) (at / PAGE))[(int) (at % PAGE)] = bytes[i];
    }
  }

  boolean sameAs(Content other) {
    if (other.pages.size() != pages.size()) {
      return false;
    }
    for (int i = 0; i < pages.size(); i++) {
      if (!Arrays.equals(pages.get(i), other.pages.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return pages.size() + " pages";
  }
}
