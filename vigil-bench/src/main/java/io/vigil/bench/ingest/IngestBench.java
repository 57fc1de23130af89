package io.vigil.bench.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ingest throughput beside raw PostgreSQL COPY, in one run, for several fleet sizes. Arguments are
 * {@code name=value}:
 * <pre>
 * jdbc=jdbc:postgresql://127.0.0.1:5432/test?user=postgres   database for the baseline and store path
 * rows=1000000         rows per measurement          batch=50000   rows per COPY / transaction
 * sensors=1000,10000,100000   migrations=vigil-server/src/main/resources/db/migration (V10, V11)
 * latest-every=4      store path: latest-value upsert once per this many batches
 * vigil=http://localhost:8080   (optional) end-to-end HTTP against a running Vigil
 * vigil-jdbc=…         Vigil's own database, to seed the enterprise, key and sensors
 * clients=8  http-batch=1000  http-rows=(rows)  vigil-pid=(for its memory)
 * </pre>
 */
public final class IngestBench {

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			a.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		String jdbc = a.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
		long rows = Long.parseLong(a.getOrDefault("rows", "1000000"));
		int batch = Integer.parseInt(a.getOrDefault("batch", "50000"));
		int[] fleets = Arrays.stream(a.getOrDefault("sensors", "1000,10000,100000").split(","))
			.mapToInt(Integer::parseInt).toArray();
		Path migration = Path.of(a.getOrDefault("migrations", "vigil-server/src/main/resources/db/migration"));
		DatabasePaths database = new DatabasePaths(jdbc, migration);
		HttpLoad http = a.containsKey("vigil") ? new HttpLoad(a.get("vigil"), a.get("vigil-jdbc"),
				Integer.parseInt(a.getOrDefault("clients", "8")), Integer.parseInt(a.getOrDefault("http-batch", "1000")),
				Long.parseLong(a.getOrDefault("vigil-pid", "0"))) : null;
		long httpRows = Long.parseLong(a.getOrDefault("http-rows", String.valueOf(rows)));

		System.out.printf("machine: %d cores, %s; JVM %s; rows=%d batch=%d%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("java.version"), rows, batch);
		System.out.println("| sensors | raw COPY pts/s | store path pts/s | store/raw | HTTP pts/s | HTTP/raw | "
				+ "p50 ack ms | p99 ack ms | 503 retries | Vigil RSS |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		// Warm the JIT and the database's caches once before the first measured row.
		database.rawCopy(new Rows(1000, base(0)), Math.min(rows, 200_000), batch);
		for (int fleet : fleets) {
			Rows dbRows = new Rows(fleet, base(0));
			double raw = database.rawCopy(dbRows, rows, batch);
			double store = database.storePath(dbRows, rows, batch, Integer.parseInt(a.getOrDefault("latest-every", "4")));
			String httpColumns = "– | – | – | – | – | –";
			if (http != null) {
				HttpLoad.Seeded seeded = http.seed(fleet);
				http.run(seeded, new Rows(fleet, base(2)), Math.min(httpRows, 50_000)); // warm-up, other hour
				HttpLoad.Result r = http.run(seeded, new Rows(fleet, base(1)), httpRows);
				httpColumns = String.format(Locale.ROOT, "%,.0f | %.2f | %.0f | %.0f | %d | %s", r.pointsPerSecond(),
						r.pointsPerSecond() / raw, r.p50Millis(), r.p99Millis(), r.retries(), r.rss());
				if (r.rejectedItems() > 0) {
					System.out.println("WARNING: " + r.rejectedItems() + " items rejected by ingest");
				}
			}
			System.out.printf(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.2f | %s |%n", fleet, raw, store, store / raw,
					httpColumns);
		}
		System.out.printf("bench client heap used at end: %d MB%n",
				ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
	}

	/** Readings start a few hours ago (inside ingest's accepted window), one hour apart per phase. */
	private static Instant base(int phase) {
		return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(6 - phase, ChronoUnit.HOURS);
	}
}
