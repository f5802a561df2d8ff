package samizdat.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, so it is never out of step with the pom. */
final class ManifestVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"samizdat " + (v == null ? "(development build)" : v)};
  }
}
