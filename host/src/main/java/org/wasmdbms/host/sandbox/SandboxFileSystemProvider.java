package org.wasmdbms.host.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The provider of a {@link SandboxFileSystem}: every operation checks its paths with the file
 * system's {@link DirectorySandbox} and then runs on the checked host path through the host's own
 * provider. So open files are the host's {@link FileChannel}s (reads, writes and {@code force}
 * unchanged: a guest's {@code fd_sync} is a real sync), and the only cost is one attribute read per
 * path component below the directory, paid when a path is used, never per read or write.
 *
 * <p>Whether the last component may be a link follows each operation's own semantics: opening,
 * listing, access checks and attribute reads follow it unless {@link LinkOption#NOFOLLOW_LINKS} is
 * given (and are then refused on a link); delete, rename and the new name of a link act on the name
 * itself. Creating a symbolic link and reading one are always refused. Only the {@link
 * BasicFileAttributeView} is offered as a view, checked again at each use.
 */
final class SandboxFileSystemProvider extends FileSystemProvider {
  private final SandboxFileSystem fileSystem;
  private final FileSystemProvider host;

  SandboxFileSystemProvider(SandboxFileSystem fileSystem, FileSystemProvider host) {
    this.fileSystem = fileSystem;
    this.host = host;
  }

  /** The checked host path of {@code path}; see {@link DirectorySandbox#check}. */
  private Path checked(Path path, boolean followsLast) throws IOException {
    return fileSystem.sandbox().check(fileSystem.hostPath(path), followsLast);
  }

  private static boolean follows(Object[] options) {
    return !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean follows(Set<? extends OpenOption> options) {
    return !options.contains(LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public String getScheme() {
    return "wasm-dbms-sandbox";
  }

  /** Refused: sandboxes are made by {@link SandboxedWasi}, not by URI. */
  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
    throw new UnsupportedOperationException("sandboxes are not made by URI");
  }

  /** Refused: sandboxes are made by {@link SandboxedWasi}, not by URI. */
  @Override
  public FileSystem getFileSystem(URI uri) {
    throw new UnsupportedOperationException("sandboxes are not found by URI");
  }

  /** Refused: sandboxes are made by {@link SandboxedWasi}, not by URI. */
  @Override
  public Path getPath(URI uri) {
    throw new UnsupportedOperationException("sandboxes are not found by URI");
  }

  @Override
  public FileChannel newFileChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
      throws IOException {
    return host.newFileChannel(checked(path, follows(options)), options, attributes);
  }

  @Override
  public SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
      throws IOException {
    return host.newByteChannel(checked(path, follows(options)), options, attributes);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(
      Path directory, DirectoryStream.Filter<? super Path> filter) throws IOException {
    DirectoryStream<Path> entries =
        host.newDirectoryStream(
            checked(directory, true), entry -> filter.accept(fileSystem.wrap(entry)));
    return new DirectoryStream<>() {
      @Override
      public Iterator<Path> iterator() {
        Iterator<Path> hostEntries = entries.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return hostEntries.hasNext();
          }

          @Override
          public Path next() {
            return fileSystem.wrap(hostEntries.next());
          }
        };
      }

      @Override
      public void close() throws IOException {
        entries.close();
      }
    };
  }

  @Override
  public void createDirectory(Path directory, FileAttribute<?>... attributes) throws IOException {
    host.createDirectory(checked(directory, false), attributes);
  }

  /** Refused always: symbolic links are opaque to the guest (see {@link DirectorySandbox}). */
  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attributes)
      throws IOException {
    throw fileSystem.sandbox().refuse(fileSystem.hostPath(link), "the guest cannot create links");
  }

  /** Allowed between two paths that pass the sandbox; {@code existing} must not be a link. */
  @Override
  public void createLink(Path link, Path existing) throws IOException {
    host.createLink(checked(link, false), checked(existing, true));
  }

  /** Refused always: symbolic links are opaque to the guest (see {@link DirectorySandbox}). */
  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    throw fileSystem.sandbox().refuse(fileSystem.hostPath(link), "the guest cannot read links");
  }

  @Override
  public void delete(Path path) throws IOException {
    host.delete(checked(path, false));
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    host.copy(checked(source, follows(options)), checked(target, false), options);
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    host.move(checked(source, false), checked(target, false), options);
  }

  @Override
  public boolean isSameFile(Path path, Path other) throws IOException {
    return path.equals(other) || host.isSameFile(checked(path, true), checked(other, true));
  }

  @Override
  public boolean isHidden(Path path) throws IOException {
    return host.isHidden(checked(path, true));
  }

  @Override
  public FileStore getFileStore(Path path) throws IOException {
    return host.getFileStore(checked(path, true));
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    host.checkAccess(checked(path, true), modes);
  }

  /** The basic view, checked at each use; null (not available) for any other view. */
  @Override
  public <V extends FileAttributeView> V getFileAttributeView(
      Path path, Class<V> type, LinkOption... options) {
    if (type != BasicFileAttributeView.class) {
      return null;
    }
    boolean followsLast = follows(options);
    return type.cast(
        new BasicFileAttributeView() {
          @Override
          public String name() {
            return "basic";
          }

          @Override
          public BasicFileAttributes readAttributes() throws IOException {
            return host.readAttributes(
                checked(path, followsLast), BasicFileAttributes.class, options);
          }

          @Override
          public void setTimes(FileTime modified, FileTime accessed, FileTime created)
              throws IOException {
            host.getFileAttributeView(
                    checked(path, followsLast), BasicFileAttributeView.class, options)
                .setTimes(modified, accessed, created);
          }
        });
  }

  @Override
  public <A extends BasicFileAttributes> A readAttributes(
      Path path, Class<A> type, LinkOption... options) throws IOException {
    return host.readAttributes(checked(path, follows(options)), type, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
      throws IOException {
    return host.readAttributes(checked(path, follows(options)), attributes, options);
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
      throws IOException {
    host.setAttribute(checked(path, follows(options)), attribute, value, options);
  }
}
