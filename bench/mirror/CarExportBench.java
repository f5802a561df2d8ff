import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * In-process CAR export benchmark (no JVM start-up in the numbers):
 *   java -cp target/classes bench/mirror/CarExportBench.java SITE_DIR OUT.car [RUNS]
 * Prints wall-clock throughput and throughput per CPU-second (all threads) for each run after a
 * warm-up run; on a shared machine the CPU figure is the steadier one.
 */
public class CarExportBench {
  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]);
    Path car = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    samizdat.mirror.ipfs.CarExport.export(site, car, samizdat.io.Progress.NONE); // warm-up
    for (int i = 1; i <= runs; i++) {
      long t = System.nanoTime();
      long c = os.getProcessCpuTime();
      var r = samizdat.mirror.ipfs.CarExport.export(site, car, samizdat.io.Progress.NONE);
      double s = (System.nanoTime() - t) / 1e9;
      double cpu = (os.getProcessCpuTime() - c) / 1e9;
      System.out.printf("in-process run %d: %.2f s, %.0f MB/s wall, %.0f MB per CPU-second (%s)%n",
          i, s, r.contentBytes() / 1e6 / s, r.contentBytes() / 1e6 / cpu, r.rootCid());
    }
  }
}
