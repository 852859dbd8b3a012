package org.wasmdbms.file;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;
import org.wasmdbms.memory.StorageFailure;

/**
 * Paths whose file channels write through a {@link StorageFailure}, so that a provider working on a
 * real file sees a real I/O error part-way through a write, as on a full disk: the part the switch
 * allows reaches the file, then the channel throws an {@link IOException}. Everything else (reads,
 * mapping, locking, sync) goes to the file as usual. The file providers open their files with
 * {@link FileChannel#open}, which asks the path's file system for the channel; these paths answer
 * with a file system whose only difference is that channel.
 */
final class FailingFiles {
  private FailingFiles() {}

  /** {@code file}, with channels that write through {@code failure}. */
  static Path path(Path file, StorageFailure failure) {
    FileSystem fileSystem = new Files(file, failure);
    return (Path)
        Proxy.newProxyInstance(
            Path.class.getClassLoader(),
            new Class<?>[] {Path.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getFileSystem")) {
                return fileSystem;
              }
              try {
                return method.invoke(file, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** The default file system but for the channels of one file. */
  private static final class Files extends FileSystem {
    private final FileSystem real;
    private final FileSystemProvider provider;

    Files(Path file, StorageFailure failure) {
      this.real = file.getFileSystem();
      this.provider = new Provider(file, failure);
    }

    @Override
    public FileSystemProvider provider() {
      return provider;
    }

    @Override
    public void close() throws IOException {
      real.close();
    }

    @Override
    public boolean isOpen() {
      return real.isOpen();
    }

    @Override
    public boolean isReadOnly() {
      return real.isReadOnly();
    }

    @Override
    public String getSeparator() {
      return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
      return real.getRootDirectories();
    }

    @Override
    public Iterable<FileStore> getFileStores() {
      return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
      return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
      return real.getPath(first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
      return real.getPathMatcher(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
      return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
      return real.newWatchService();
    }
  }

  /** The default provider, working on the one real file, but for its channels. */
  private static final class Provider extends FileSystemProvider {
    private final Path file;
    private final FileSystemProvider real;
    private final StorageFailure failure;

    Provider(Path file, StorageFailure failure) {
      this.file = file;
      this.real = file.getFileSystem().provider();
      this.failure = failure;
    }

    @Override
    public FileChannel newFileChannel(
        Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      return new Channel(real.newFileChannel(file, options, attrs), failure);
    }

    @Override
    public String getScheme() {
      return real.getScheme();
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
      return real.newFileSystem(uri, env);
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      return real.getFileSystem(uri);
    }

    @Override
    public Path getPath(URI uri) {
      return real.getPath(uri);
    }

    @Override
    public SeekableByteChannel newByteChannel(
        Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
        throws IOException {
      return newFileChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(
        Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
      return real.newDirectoryStream(file, filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
      real.createDirectory(file, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
      real.delete(file);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
      real.copy(file, target, options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
      real.move(file, target, options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
      return real.isSameFile(file, path2);
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
      return real.isHidden(file);
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
      return real.getFileStore(file);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
      real.checkAccess(file, modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(
        Path path, Class<V> type, LinkOption... options) {
      return real.getFileAttributeView(file, type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(
        Path path, Class<A> type, LinkOption... options) throws IOException {
      return real.readAttributes(file, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
        throws IOException {
      return real.readAttributes(file, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
        throws IOException {
      real.setAttribute(file, attribute, value, options);
    }
  }

  /** A file channel whose writes transfer what the switch allows, then fail. */
  private static final class Channel extends FileChannel {
    private final FileChannel file;
    private final StorageFailure failure;

    Channel(FileChannel file, StorageFailure failure) {
      this.file = file;
      this.failure = failure;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
      ByteBuffer allowed = allowed(source);
      int written = 0;
      while (allowed.hasRemaining()) {
        written += file.write(allowed, position + written);
      }
      source.position(source.position() + written);
      if (source.hasRemaining()) {
        throw StorageFailure.failure();
      }
      return written;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
      long position = file.position();
      int written = write(source, position);
      file.position(position + written);
      return written;
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
      long written = 0;
      for (int i = offset; i < offset + length; i++) {
        written += write(sources[i]);
      }
      return written;
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count)
        throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 1 << 20));
      long done = 0;
      while (done < count && source.read(buffer) > 0) {
        buffer.flip();
        done += write(buffer, position + done);
        buffer.clear();
      }
      return done;
    }

    /** The part of {@code source} the switch lets through, as a view. */
    private ByteBuffer allowed(ByteBuffer source) {
      ByteBuffer view = source.duplicate();
      view.limit(view.position() + failure.allow(source.remaining()));
      return view;
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
      return file.read(target);
    }

    @Override
    public long read(ByteBuffer[] targets, int offset, int length) throws IOException {
      return file.read(targets, offset, length);
    }

    @Override
    public int read(ByteBuffer target, long position) throws IOException {
      return file.read(target, position);
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long position) throws IOException {
      file.position(position);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      file.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return file.transferTo(position, count, target);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
