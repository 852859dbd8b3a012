package org.wasmdbms.host.sandbox;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The host's file system as one guest instance may see it: paths are host paths (so Chicory's own
 * path handling works unchanged), and every operation on them goes through a {@link
 * SandboxFileSystemProvider}, which checks each path with a {@link DirectorySandbox} first. Owns no
 * resources: closing it does nothing and it is always open.
 */
final class SandboxFileSystem extends FileSystem {
  private final DirectorySandbox sandbox;
  private final FileSystem host;
  private final SandboxFileSystemProvider provider;

  SandboxFileSystem(DirectorySandbox sandbox) {
    this.sandbox = sandbox;
    this.host = sandbox.root().getFileSystem();
    this.provider = new SandboxFileSystemProvider(this, host.provider());
  }

  /** The sandbox that checks this file system's paths. */
  DirectorySandbox sandbox() {
    return sandbox;
  }

  /** The sandbox's directory as a path of this file system. */
  Path root() {
    return wrap(sandbox.root());
  }

  /** {@code path} of the host's file system as a path of this one. */
  Path wrap(Path path) {
    return new SandboxPath(this, path);
  }

  /**
   * The host path of {@code path}.
   *
   * @throws ProviderMismatchException if {@code path} belongs to another file system
   */
  Path hostPath(Path path) {
    if (path instanceof SandboxPath sandboxed && sandboxed.getFileSystem() == this) {
      return sandboxed.host();
    }
    throw new ProviderMismatchException("not a path of this sandbox: " + path);
  }

  @Override
  public SandboxFileSystemProvider provider() {
    return provider;
  }

  /** Does nothing: the file system owns no resources. */
  @Override
  public void close() {}

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return false;
  }

  @Override
  public String getSeparator() {
    return host.getSeparator();
  }

  /** The host's roots; only paths under the sandbox's directory can be used. */
  @Override
  public Iterable<Path> getRootDirectories() {
    List<Path> roots = new ArrayList<>();
    for (Path root : host.getRootDirectories()) {
      roots.add(wrap(root));
    }
    return roots;
  }

  /** None: the host's file stores are not the guest's business. */
  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return host.supportedFileAttributeViews();
  }

  @Override
  public Path getPath(String first, String... more) {
    return wrap(host.getPath(first, more));
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    PathMatcher matcher = host.getPathMatcher(syntaxAndPattern);
    return path -> matcher.matches(hostPath(path));
  }

  /** Refused: the sandbox offers no user lookups. */
  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    throw new UnsupportedOperationException("the sandbox offers no user lookups");
  }

  /** Refused: the sandbox offers no watch service. */
  @Override
  public WatchService newWatchService() {
    throw new UnsupportedOperationException("the sandbox offers no watch service");
  }
}
