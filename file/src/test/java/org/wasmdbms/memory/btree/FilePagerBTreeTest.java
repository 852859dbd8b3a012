package org.wasmdbms.memory.btree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.file.FileMemoryProvider;
import org.wasmdbms.memory.PageStore;
import org.wasmdbms.memory.page.Pager;

/**
 * The B+ tree suite on the real {@link Pager} over files: "reopen" closes the file and opens it
 * again, so every tree is read back from disk. The volume tests run on the in-memory stores only.
 */
class FilePagerBTreeTest extends AbstractBTreeTest {
  @TempDir Path directory;
  private final Map<PageStore, Path> files = new HashMap<>();
  private final List<Pager> open = new ArrayList<>();

  @Override
  protected PageStore newStore() {
    return track(directory.resolve("tree" + files.size() + ".db"));
  }

  @Override
  protected PageStore reopen(PageStore store) {
    Path file = files.get(store);
    ((Pager) store).close();
    return track(file);
  }

  @Override
  protected boolean runsVolumeTests() {
    return false;
  }

  private Pager track(Path file) {
    Pager pager = Pager.open(FileMemoryProvider.open(file));
    files.put(pager, file);
    open.add(pager);
    return pager;
  }

  @AfterEach
  void closeAll() throws IOException {
    for (Pager pager : open) {
      pager.close();
    }
  }
}
