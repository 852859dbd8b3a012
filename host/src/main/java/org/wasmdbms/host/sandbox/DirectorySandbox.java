package org.wasmdbms.host.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.wasmdbms.api.error.MemoryException;

/**
 * The rule that keeps a guest inside its directory: every host path a WASI call is about to touch
 * is checked here first, and refused unless it stays inside the directory without following a
 * symbolic link.
 *
 * <p><b>Why Chicory needs it.</b> Chicory 1.7.5's WASI only checks paths lexically: it refuses an
 * absolute path and one whose normalised form starts with {@code ..}, then hands the host path to
 * {@code java.nio}, which follows symbolic links wherever they point. So without this class a guest
 * escapes through a link in its directory that points outside (with {@code SYMLINK_FOLLOW} Chicory
 * even reads the link itself and uses its target, a relative one against the JVM's working
 * directory), through a link to an outside directory used as an intermediate component ({@code
 * link/file}: opened, created, renamed, deleted, stat-ed, its times set, whatever the lookup flags
 * say), through links it creates itself with {@code path_symlink}, and through {@code path_link}
 * with {@code SYMLINK_FOLLOW}, which hard-links the target of such a link into the directory.
 *
 * <p><b>The rule.</b> A path is allowed when it is absolute, its normalised form lies under the
 * directory (resolved with {@link Path#toRealPath} once, when the sandbox is made), and no
 * component below the directory is a symbolic link, checked one component at a time without
 * following links. The last component is exempt only for operations that act on a link itself and
 * never follow it: reading attributes with {@code NOFOLLOW_LINKS}, deleting, and both ends of a
 * rename. Components that do not exist end the check (the operation then reports {@code noent} or
 * creates a regular file or directory, which is not a link). The operation then runs on exactly the
 * normalised path that was checked.
 *
 * <p><b>Symbolic links are opaque.</b> The guest may see that a link exists, rename it and delete
 * it, but never follow it, read its target or create one, whether it points outside or inside the
 * directory: the database is two regular files and never needs a link, and refusing every link
 * needs no reasoning about where a link lands at the moment it is followed. Hard links stay allowed
 * between paths that pass the rule: both ends are inside, so the guest reaches nothing new.
 *
 * <p><b>Not covered.</b> Races with another process that changes the directory between the check
 * and the use (swapping a checked directory for a link) are out of scope: the directory belongs to
 * the guest and its host. So is a hard link that the host itself placed in the directory to an
 * outside file: it is the same file, indistinguishable from a regular one.
 *
 * <p>Every refusal throws {@link NoSuchFileException} (to the guest, nothing exists outside its
 * directory; a directory listing skips such entries, such as the directory's own {@code ..}) and is
 * counted, so the WASI layer can report the failed call as {@code notcapable}. Not thread-safe: one
 * sandbox serves one guest instance, whose calls are serialised.
 */
final class DirectorySandbox {
  private final Path root;
  private long refusals;

  private DirectorySandbox(Path root) {
    this.root = root;
  }

  /**
   * A sandbox for {@code directory}, which must exist.
   *
   * @throws MemoryException if {@code directory} is missing, unreadable or not a directory
   */
  static DirectorySandbox rootedAt(Path directory) {
    Path root;
    try {
      root = directory.toRealPath();
    } catch (IOException e) {
      throw new MemoryException("cannot open the guest's directory " + directory + ": " + e);
    }
    if (!Files.isDirectory(root)) {
      throw new MemoryException("the guest's directory " + directory + " is not a directory");
    }
    return new DirectorySandbox(root);
  }

  /** The directory, as a real path: absolute, normalised, without links. */
  Path root() {
    return root;
  }

  /** How many paths have been refused so far. */
  long refusals() {
    return refusals;
  }

  /**
   * The path to operate on for {@code path}, after checking it by the rule of this class.
   *
   * @param followsLast whether the operation follows a link in the last component
   * @throws NoSuchFileException if the path is refused
   * @throws IOException if a component cannot be examined
   */
  Path check(Path path, boolean followsLast) throws IOException {
    if (!path.isAbsolute()) {
      throw refuse(path, "a relative path is not inside the guest's directory");
    }
    Path normal = path.normalize();
    if (!normal.startsWith(root)) {
      throw refuse(path, "outside the guest's directory");
    }
    int first = root.getNameCount();
    int last = normal.getNameCount() - 1;
    Path component = root;
    for (int i = first; i <= last; i++) {
      component = component.resolve(normal.getName(i));
      if (i == last && !followsLast) {
        break;
      }
      BasicFileAttributes attributes;
      try {
        attributes =
            Files.readAttributes(component, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        break;
      }
      if (attributes.isSymbolicLink()) {
        throw refuse(path, "goes through the symbolic link " + component);
      }
    }
    return normal;
  }

  /** Counts a refusal of {@code path} and makes the exception that reports it. */
  NoSuchFileException refuse(Path path, String reason) {
    refusals++;
    return new NoSuchFileException(path.toString(), null, "refused by the sandbox: " + reason);
  }
}
