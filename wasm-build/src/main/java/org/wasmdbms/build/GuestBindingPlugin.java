package org.wasmdbms.build;

import org.teavm.vm.spi.TeaVMHost;
import org.teavm.vm.spi.TeaVMPlugin;

/**
 * Installs {@link GuestBinding} into every TeaVM compilation that has this library on its class
 * path (named in {@code META-INF/services/org.teavm.vm.spi.TeaVMPlugin}), with the class loader
 * TeaVM compiles from and the {@link GuestBuildOptions} set as TeaVM properties. TeaVM instantiates
 * it by name; it holds no state.
 */
public final class GuestBindingPlugin implements TeaVMPlugin {
  /** Called by TeaVM. */
  public GuestBindingPlugin() {
    // Stateless.
  }

  @Override
  public void install(TeaVMHost host) {
    host.add(
        new GuestBinding(
            host.getClassLoader(), GuestBuildOptions.fromProperties(host.getProperties())));
  }
}
