package samizdat.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import samizdat.io.FolderLock;
import samizdat.io.IoFailures;
import samizdat.mirror.ByteSizes;
import samizdat.mirror.ipfs.CarExport;
import samizdat.mirror.ipfs.KuboImport;

/** `samizdat mirror ipfs --car FILE.car`: the site as an IPFS CAR, with kubo's root CID. */
@Command(
    name = "ipfs",
    description = {
      "Export the built site as a CARv1 file holding its UnixFS DAG and print the root CID"
          + " (CIDv1, base32): the same CID `ipfs add -r --cid-version=1 SITE` gives, so the CAR"
          + " can be imported into any IPFS node or uploaded to a pinning service.",
      "With --since OLD.car, writes only the blocks OLD.car does not hold, under the new root: a"
          + " node that imported OLD.car needs only this small file (`ipfs dag import`) to hold"
          + " the whole new site, e.g. carried on a stick to an offline node.",
      "Hidden files (names starting with '.') are left out, like `ipfs add` does.",
      "Keeps .samizdat-cache/SITE.ipfs beside the site, so that the next export reads only the"
          + " files that changed and not the older CARs again; deleting it only costs time."},
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    sortOptions = false)
final class MirrorIpfsCommand implements Callable<Integer> {
  @ParentCommand MirrorCommand parent;

  @Option(names = "--car", paramLabel = "FILE.car", required = true,
      description = "The CAR file to write (replaced atomically).")
  Path car;

  @Option(names = "--site", paramLabel = "DIR", defaultValue = "site",
      description = "The built site to export (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--since", paramLabel = "OLD.car",
      description = "Write a delta: only the blocks none of these older CARs holds (repeat for a"
          + " full export and the deltas since: --since base.car --since monday.car).")
  List<Path> since = new ArrayList<>();

  @Option(names = "--api", paramLabel = "URL",
      description = "Also import the CAR into a running kubo node over its RPC API and pin it,"
          + " e.g. http://127.0.0.1:5001.")
  Optional<URI> api;

  @Override
  public Integer call() {
    Console console = parent.top.console();
    if (!java.nio.file.Files.isDirectory(site)) {
      throw new CliException(site + ": no such folder; build the site first (samizdat build)", ExitCodes.REFUSED);
    }
    if (!java.nio.file.Files.isRegularFile(site.resolve("index.html"))) {
      throw new CliException(site + ": no index.html; is this a built site? (samizdat build)", ExitCodes.REFUSED);
    }
    CarExport.Result r;
    FolderLock siteLock = Locks.site(site, FolderLock.Mode.SHARED, "samizdat mirror ipfs", parent.top.lockWait());
    try {
      r = CarExport.export(site, car, since, console.progress());
    } catch (IOException e) {
      throw new CliException(MirrorCommand.describe(e) + "; " + car + " was not changed",
          IoFailures.isFatal(e) ? ExitCodes.STOPPED : ExitCodes.FAILED, e);
    } finally {
      siteLock.close();
    }
    String cid = r.rootCid();
    console.summary(cid);
    console.summary("");
    console.summary("wrote " + car + ": " + r.fileCount() + " files, " + ByteSizes.human(r.contentBytes())
        + " of content, " + r.blockCount() + " blocks, " + ByteSizes.human(r.carBytes()));
    if (!since.isEmpty()) {
      String olds = String.join(" + ", since.stream().map(Path::toString).toList());
      console.summary("delta: " + r.heldBlocks() + " blocks of the site are in " + olds
          + " and left out; a node that imported " + (since.size() == 1 ? "it" : "them") + " needs only "
          + car + " (ipfs dag import " + car + ")");
    }
    if (api.isPresent()) {
      try {
        KuboImport.importCar(api.get(), car, cid);
      } catch (IOException e) {
        console.error(e.getMessage());
        console.error("the CAR is fine; import it by hand: ipfs dag import " + car);
        return ExitCodes.FAILED;
      }
      console.summary("imported into the kubo node at " + api.get() + " and pinned " + cid);
    }
    console.summary("");
    console.summary("To publish it:");
    console.summary("  - into your own IPFS node (kubo):  ipfs dag import " + car);
    console.summary("    (or run again with --api http://127.0.0.1:5001); keep the node online or pin"
        + " the CID elsewhere");
    console.summary("  - pinning services that accept CAR uploads: upload " + car
        + " as is; the root CID is inside it");
    console.summary("  - open it through any gateway, path style:      https://ipfs.io/ipfs/" + cid + "/");
    console.summary("                               subdomain style: https://" + cid + ".ipfs.dweb.link/");
    console.summary("    (any gateway works: https://GATEWAY/ipfs/CID/ or https://CID.ipfs.GATEWAY/)");
    console.summary("  - DNSLink: give a domain a TXT record  _dnslink.example.org  \"dnslink=/ipfs/" + cid + "\"");
    console.summary("    then readers can use /ipns/example.org/ on any gateway or node");
    console.summary("Anyone can check a copy: `ipfs add -r -n --cid-version=1 FOLDER` prints the same CID.");
    return ExitCodes.OK;
  }
}
