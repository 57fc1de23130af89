package io.vigil.bench.ingest;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingest throughput beside raw PostgreSQL COPY, in one run, for several fleet sizes. Arguments are
 * {@code name=value}:
 * <pre>
 * jdbc=jdbc:postgresql://127.0.0.1:5432/test?user=postgres   database for the baseline and store path
 * rows=1000000         rows per measurement          batch=50000   rows per COPY / transaction
 * sensors=1000,10000,100000   migrations=vigil-server/src/main/resources/db/migration (V10–V12)
 * latest-every=4      store path: latest-value upsert once per this many batches (as the writer did when it
 *                     flushed every 5 s; it flushes every 30 s now, so this errs on the costly side)
 * domains=0           day partitions divided by domain as with this many domain retentions configured
 *                     (0: plain days, the default configuration; n: n domain sub-partitions plus a default)
 * vigil=http://localhost:8080   (optional) end-to-end HTTP against a running Vigil
 * vigil-jdbc=…         Vigil's own database, to seed the enterprise, key and sensors
 * clients=8  http-batch=1000  http-rows=(rows)  vigil-pid=(for its memory)
 * mqtt=127.0.0.1:1883  (optional) end-to-end MQTT through Vigil's embedded broker, after the HTTP run
 * mqtt-clients=(clients)  mqtt-batch=(http-batch)  mqtt-rows=(http-rows)
 * admin=admin  admin-password=…   (optional) warning-latency probes during the HTTP run, as this administrator
 * probes=40  probe-every=1000 (ms between probes)
 * warmup-rows=250000  warmup-rounds=6  warmup-batch=100   JIT warm-up rounds (HTTP, then MQTT, this many rows
 *                     each) until Vigil's compilers use less than 5 % of a core during a round
 * fleet-warmup-rows=1000000   each fleet's warm-up, by HTTP and then MQTT, in the measured batch size
 * jit-wait=180        most seconds to wait for Vigil's compilers to go quiet after a warm-up
 * </pre>
 */
public final class IngestBench {

	private record MqttRow(int sensors, double raw, MqttLoad.Result mqtt, String latency, String load) {
	}

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
		DatabasePaths database = new DatabasePaths(jdbc, migration, Integer.parseInt(a.getOrDefault("domains", "0")));
		int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
		int httpBatch = Integer.parseInt(a.getOrDefault("http-batch", "1000"));
		long pid = Long.parseLong(a.getOrDefault("vigil-pid", "0"));
		HttpLoad http = a.containsKey("vigil") ? new HttpLoad(a.get("vigil"), a.get("vigil-jdbc"), clients, httpBatch, pid)
				: null;
		long httpRows = Long.parseLong(a.getOrDefault("http-rows", String.valueOf(rows)));
		MqttLoad mqtt = null;
		if (http != null && a.containsKey("mqtt")) {
			String[] hostPort = a.get("mqtt").split(":");
			mqtt = new MqttLoad(hostPort[0], Integer.parseInt(hostPort[1]), "bench-ent",
					Integer.parseInt(a.getOrDefault("mqtt-clients", String.valueOf(clients))),
					Integer.parseInt(a.getOrDefault("mqtt-batch", String.valueOf(httpBatch))), pid);
		}
		long mqttRows = Long.parseLong(a.getOrDefault("mqtt-rows", String.valueOf(httpRows)));
		WarningProbe probe = http != null && a.containsKey("admin")
				? new WarningProbe(a.get("vigil"), a.get("admin"), a.getOrDefault("admin-password", "")) : null;
		int probes = Integer.parseInt(a.getOrDefault("probes", "40"));
		long probeEvery = Long.parseLong(a.getOrDefault("probe-every", "1000"));

		System.out.printf("machine: %d cores, %s; JVM %s; rows=%d batch=%d; load average %s%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("java.version"), rows, batch, loadAverage());
		List<MqttRow> mqttRowsOut = new ArrayList<>();
		// Warm the JIT and the database's caches once before the first measured row: the raw COPY path's and,
		// as much, Vigil's (its HTTP and MQTT paths on a fleet of its own, in hours no cell uses).
		database.rawCopy(new Rows(1000, base(0, 0)), Math.min(rows, 200_000), batch);
		// Small batches: what a fresh JVM has yet to compile is mostly the per-request path (web server, filters,
		// MQTT broker), which a few thousand requests of 2,000 readings leave interpreted for the whole run. In rounds
		// until the compilers settle under load: a method stays in its profiling (C1) form until it is called often
		// enough while the C2 queue is short, so a single pass followed by a quiet wait left the web server's
		// per-request methods to be compiled during the measured runs (2–3 s of C2 CPU in each).
		long warmRows = Long.parseLong(a.getOrDefault("warmup-rows", "250000"));
		int warmRounds = Integer.parseInt(a.getOrDefault("warmup-rounds", "6"));
		int warmBatch = Integer.parseInt(a.getOrDefault("warmup-batch", "100"));
		if (http != null && warmRows > 0) {
			HttpLoad warmHttp = new HttpLoad(a.get("vigil"), a.get("vigil-jdbc"), clients, warmBatch, pid);
			HttpLoad.Seeded warmFleet = warmHttp.seed(1000);
			for (int round = 0; round < warmRounds; round++) {
				long ticks = JitQuiet.compilerTicks(pid);
				long started = System.nanoTime();
				long offset = round * warmRows / 1000; // seconds: every round's rows are new
				HttpLoad.Result h = warmHttp.run(warmFleet, new Rows(1000, jitBase(0).plusSeconds(offset)), warmRows);
				MqttLoad.Result m = mqtt == null ? null
						: mqtt.withBatch(warmBatch).run(warmFleet, new Rows(1000, jitBase(1).plusSeconds(offset)), warmRows);
				double share = (JitQuiet.compilerTicks(pid) - ticks) / 100.0 / ((System.nanoTime() - started) / 1e9);
				System.out.printf(Locale.ROOT, "Vigil warm-up (JIT) round %d, 1,000 sensors of its own, %,d rows each in "
						+ "batches of %d: HTTP %,.0f pts/s, MQTT %s pts/s; its JIT compilers used %.0f %% of a core%n",
						round + 1, warmRows, warmBatch, h.pointsPerSecond(),
						m == null ? "–" : String.format(Locale.ROOT, "%,.0f", m.pointsPerSecond()), share * 100);
				if (share < 0.05) {
					break;
				}
			}
			long waited = JitQuiet.await(pid, Long.parseLong(a.getOrDefault("jit-wait", "180")));
			System.out.printf(Locale.ROOT, "Vigil warm-up (JIT) done; then %s s until its JIT compilers were quiet; "
					+ "load average %s%n", waited < 0 ? "(no pid: not waited)" : String.valueOf(waited), loadAverage());
		}
		System.out.println("| sensors | raw COPY pts/s | store path pts/s | store/raw | HTTP pts/s | HTTP/raw | "
				+ "p50 ack ms | p99 ack ms | 503 retries | Vigil RSS |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		for (int cell = 0; cell < fleets.length; cell++) {
			int fleet = fleets[cell];
			// The very rows the HTTP run sends (into schemas of their own), so that the ratio compares like with like.
			Rows dbRows = new Rows(fleet, base(cell, 2));
			System.out.printf("  %,d sensors: machine quiet after %s; raw COPY%n", fleet, MachineQuiet.await(0.1, 120));
			RunCost rawCost = new RunCost(jdbc, pid);
			double raw = database.rawCopy(dbRows, rows, batch, rawCost.clockStarts());
			System.out.printf(Locale.ROOT, "  %,d sensors: raw COPY %,.0f pts/s, %s; machine quiet after %s; store path%n",
					fleet, raw, rawCost.perRow(rows), MachineQuiet.await(0.1, 120));
			double store = database.storePath(dbRows, rows, batch, Integer.parseInt(a.getOrDefault("latest-every", "4")));
			String httpColumns = "– | – | – | – | – | –";
			if (http != null) {
				HttpLoad.Seeded seeded = http.seed(fleet);
				if (probe != null) {
					probe.prepare(2 * probes + 1); // the warm-up probes as well, so that their paths are compiled too
				}
				// Warm-up, on the day before the measured ones (a warm-up after them made every measured reading late, and
				// the rules skip late readings): every sensor reports, by HTTP and by MQTT, in batches as large
				// as the measured runs', so that the measured runs are the sustained state of a known fleet: sensor
				// look-ups cached, the rules built for the new sensors, and the code compiled for this shape of load.
				long fleetWarmRows = Math.max(Long.parseLong(a.getOrDefault("fleet-warmup-rows", "1000000")), fleet);
				ProbeRun warmProbes = probe == null ? null : new ProbeRun(probe, probeEvery);
				HttpLoad.Result warm = http.run(seeded, new Rows(fleet, base(cell, 1)), fleetWarmRows);
				if (warmProbes != null) {
					warmProbes.stop();
				}
				MqttLoad.Result warmMqtt = mqtt == null ? null
						: mqtt.run(seeded, new Rows(fleet, base(cell, 1).plusSeconds(fleetWarmRows / fleet + 1)),
								fleetWarmRows);
				String firstWarning = "–";
				if (probe != null) {
					// The first probe also waits out the rule rebuild for the sensors just created.
					long first = probe.measure(Duration.ofMinutes(3));
					firstWarning = first < 0 ? "none in 3 min" : String.format(Locale.ROOT, "%.1f s", first / 1e9);
				}
				// The new fleet takes paths the JIT has not compiled yet (the rules of new sensors, a larger catalog).
				long quiet = JitQuiet.await(pid, Long.parseLong(a.getOrDefault("jit-wait", "180")));
				System.out.printf(Locale.ROOT, "  %,d sensors: warm-up (%,d rows each) HTTP %,.0f pts/s, MQTT %s pts/s; "
						+ "first warning after creating the fleet %s; %s s until Vigil's JIT compilers were quiet; machine "
						+ "quiet after %s; load average %s%n", fleet, fleetWarmRows, warm.pointsPerSecond(),
						warmMqtt == null ? "–" : String.format(Locale.ROOT, "%,.0f", warmMqtt.pointsPerSecond()),
						firstWarning, quiet, MachineQuiet.await(0.1, 120), loadAverage());
				long jitBefore = JitQuiet.compilerTicks(pid);
				long droppedBefore = probe == null ? 0 : probe.notJudged();
				ProbeRun probing = probe == null ? null : new ProbeRun(probe, probeEvery);
				RunCost httpCost = new RunCost(a.get("vigil-jdbc"), pid);
				HttpLoad.Result r = http.run(seeded, new Rows(fleet, base(cell, 2)), httpRows, httpCost.clockStarts());
				String httpUse = httpCost.perRow(httpRows);
				String latency = probing == null ? "– | – | – | –" : probing.stop() + String.format(Locale.ROOT,
						" | %,d", probe.notJudged() - droppedBefore);
				httpColumns = String.format(Locale.ROOT, "%,.0f | %.2f | %.0f | %.0f | %d | %s", r.pointsPerSecond(),
						r.pointsPerSecond() / raw, r.p50Millis(), r.p99Millis(), r.retries(), r.rss());
				if (r.rejectedItems() > 0) {
					System.out.println("WARNING: " + r.rejectedItems() + " items rejected by ingest");
				}
				String load = loadAverage();
				long jitHttp = JitQuiet.compilerTicks(pid) - jitBefore;
				System.out.printf(Locale.ROOT, "  %,d sensors: HTTP run done, %,.0f pts/s (%.2f of raw COPY), %s%n", fleet,
						r.pointsPerSecond(), r.pointsPerSecond() / raw, httpUse);
				// What the HTTP run left to do (roll-ups of its minutes, autovacuum) is waited out, and shown.
				System.out.printf("  %,d sensors: machine quiet after the HTTP run after %s%n", fleet,
						MachineQuiet.await(0.1, 120));
				long jitMqttBefore = JitQuiet.compilerTicks(pid);
				RunCost mqttCost = new RunCost(a.get("vigil-jdbc"), pid);
				MqttLoad.Result m = mqtt == null ? null
						: mqtt.run(seeded, new Rows(fleet, base(cell, 3)), mqttRows, mqttCost.clockStarts());
				String mqttUse = m == null ? "" : mqttCost.perRow(mqttRows);
				long jitMqtt = JitQuiet.compilerTicks(pid) - jitMqttBefore;
				if (m != null) {
					System.out.printf(Locale.ROOT, "  %,d sensors: MQTT run done, %,.0f pts/s (%.2f of raw COPY), %s; machine "
							+ "quiet after %s%n", fleet, m.pointsPerSecond(), m.pointsPerSecond() / raw,
							mqttUse, MachineQuiet.await(0.1, 120));
				}
				System.out.printf(Locale.ROOT, "  %,d sensors: Vigil's JIT compilers used %.1f s of CPU during the HTTP run "
						+ "(%.1f s long), %.1f s during the MQTT run%n", fleet, jitHttp / 100.0, httpRows / r.pointsPerSecond(),
						jitMqtt / 100.0);
				mqttRowsOut.add(new MqttRow(fleet, raw, m, latency, load));
			}
			System.out.printf(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.2f | %s |%n", fleet, raw, store, store / raw,
					httpColumns);
		}
		if (!mqttRowsOut.isEmpty()) {
			System.out.println();
			System.out.println("| sensors | MQTT pts/s | MQTT/raw | p50 PUBACK ms | p99 PUBACK ms | resends | Vigil RSS | "
					+ "warning p50 ms | warning p99 ms | probes | not judged (HTTP run) | load avg after HTTP |");
			System.out.println("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|");
			for (MqttRow row : mqttRowsOut) {
				String mqttColumns = row.mqtt() == null ? "– | – | – | – | – | –"
						: String.format(Locale.ROOT, "%,.0f | %.2f | %.0f | %.0f | %d | %s", row.mqtt().pointsPerSecond(),
								row.mqtt().pointsPerSecond() / row.raw(), row.mqtt().p50Millis(), row.mqtt().p99Millis(),
								row.mqtt().resends(), row.mqtt().rss());
				System.out.printf(Locale.ROOT, "| %,d | %s | %s | %s |%n", row.sensors(), mqttColumns, row.latency(),
						row.load());
			}
		}
		System.out.printf("bench client heap used at end: %d MB; load average %s%n",
				ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, loadAverage());
	}

	/** Warning probes on their own thread, one every {@code every} ms, while the load runs. */
	private static final class ProbeRun {

		private final List<Long> latencies = new ArrayList<>();

		private final Thread thread;

		private volatile boolean running = true;

		private int missed;

		ProbeRun(WarningProbe probe, long every) {
			thread = new Thread(() -> {
				try {
					while (running && !probe.exhausted()) {
						long took = probe.measure(Duration.ofSeconds(60));
						synchronized (latencies) {
							if (took < 0) {
								missed++;
							}
							else {
								latencies.add(took);
							}
						}
						Thread.sleep(every);
					}
				}
				catch (Exception e) {
					System.out.println("warning probe failed: " + e);
				}
			}, "bench-warning-probe");
			thread.start();
		}

		/** Stops after the probe in flight; the p50 and p99 columns and the number of probes. */
		String stop() throws InterruptedException {
			running = false;
			thread.join();
			synchronized (latencies) {
				long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
				return String.format(Locale.ROOT, "%.0f | %.0f | %d%s", HttpLoad.percentile(sorted, 0.5),
						HttpLoad.percentile(sorted, 0.99), sorted.length, missed == 0 ? "" : " (" + missed + " missed)");
			}
		}
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (Exception e) {
			return "n/a";
		}
	}

	/**
	 * Where a cell's rows of a phase (1 the fleet's warm-up, 2 the measured HTTP run, 3 the measured MQTT run) start:
	 * 01:00 UTC of a day of their own, a few days back (inside ingest's accepted window), in that order in time so that
	 * no measured reading is late for the rules. A day of its own means a day partition of its own: each measured run
	 * writes into an empty table, as raw COPY does into its fresh schema. (With every run in the same few hours, Vigil
	 * wrote into a table already holding millions of warm-up rows, and inserts slow down as the (sensor, ts) index
	 * grows: 2,000,000 rows took 5.1, 6.2, 7.8 and 9.0 s into a table already holding 0, 2, 4 and 6 million.)
	 */
	private static Instant base(int cell, int phase) {
		return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(3L * cell + 5 - phase, ChronoUnit.DAYS)
			.plus(1, ChronoUnit.HOURS);
	}

	/** The JIT warm-up's rows, in yesterday's partition: {@code path} 0 for HTTP, 1 for MQTT. */
	private static Instant jitBase(int path) {
		return Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plus(1 + 11L * path, ChronoUnit.HOURS);
	}
}
