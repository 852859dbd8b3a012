package org.wasmdbms.host.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

/**
 * A path of a {@link SandboxFileSystem}: a host path that only the sandbox's provider can act on.
 * Every syntactic operation (names, parents, resolve, normalise, compare) is the host path's own;
 * only the file system differs, so that {@code java.nio.file.Files} and {@code FileChannel.open}
 * reach the checking provider instead of the host's.
 */
final class SandboxPath implements Path {
  private final SandboxFileSystem fileSystem;
  private final Path host;

  SandboxPath(SandboxFileSystem fileSystem, Path host) {
    this.fileSystem = fileSystem;
    this.host = host;
  }

  /** The host path this path stands for (unchecked: the provider checks it before every use). */
  Path host() {
    return host;
  }

  private Path wrap(Path path) {
    return path == null ? null : fileSystem.wrap(path);
  }

  @Override
  public SandboxFileSystem getFileSystem() {
    return fileSystem;
  }

  @Override
  public boolean isAbsolute() {
    return host.isAbsolute();
  }

  @Override
  public Path getRoot() {
    return wrap(host.getRoot());
  }

  @Override
  public Path getFileName() {
    return wrap(host.getFileName());
  }

  @Override
  public Path getParent() {
    return wrap(host.getParent());
  }

  @Override
  public int getNameCount() {
    return host.getNameCount();
  }

  @Override
  public Path getName(int index) {
    return wrap(host.getName(index));
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    return wrap(host.subpath(beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    return other instanceof SandboxPath sandboxed
        && sandboxed.fileSystem == fileSystem
        && host.startsWith(sandboxed.host);
  }

  @Override
  public boolean endsWith(Path other) {
    return other instanceof SandboxPath sandboxed
        && sandboxed.fileSystem == fileSystem
        && host.endsWith(sandboxed.host);
  }

  @Override
  public Path normalize() {
    return wrap(host.normalize());
  }

  @Override
  public Path resolve(Path other) {
    return wrap(host.resolve(fileSystem.hostPath(other)));
  }

  @Override
  public Path relativize(Path other) {
    return wrap(host.relativize(fileSystem.hostPath(other)));
  }

  /** Refused: a URI would name the file on the host's file system, outside the sandbox. */
  @Override
  public URI toUri() {
    throw new UnsupportedOperationException("a sandboxed path has no URI");
  }

  @Override
  public Path toAbsolutePath() {
    return wrap(host.toAbsolutePath());
  }

  /** The real path, if the sandbox allows this path (links are refused, so it is the path). */
  @Override
  public Path toRealPath(LinkOption... options) throws IOException {
    return wrap(fileSystem.sandbox().check(host, true).toRealPath(options));
  }

  /** Refused: the sandbox offers no watch service. */
  @Override
  public WatchKey register(
      WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw new UnsupportedOperationException("a sandboxed path cannot be watched");
  }

  /**
   * Compares the host paths.
   *
   * @throws ProviderMismatchException if {@code other} belongs to another file system
   */
  @Override
  public int compareTo(Path other) {
    return host.compareTo(fileSystem.hostPath(other));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SandboxPath sandboxed
        && sandboxed.fileSystem == fileSystem
        && sandboxed.host.equals(host);
  }

  @Override
  public int hashCode() {
    return host.hashCode();
  }

  @Override
  public String toString() {
    return host.toString();
  }
}
