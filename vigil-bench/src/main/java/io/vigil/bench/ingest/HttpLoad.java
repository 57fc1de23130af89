package io.vigil.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load: HTTP batches to a running Vigil's {@code POST /api/v1/readings}, each answered
 * only once durable. Seeds one enterprise, its API key and the sensors straight into Vigil's
 * database (creating 100,000 sensors through the REST API would dominate the run).
 */
final class HttpLoad {

	record Result(long rows, double seconds, double pointsPerSecond, double p50Millis, double p99Millis,
			long retries, long rejectedItems, String rss) {
	}

	private final String baseUrl;

	private final String vigilJdbc;

	private final int clients;

	private final int batch;

	private final long pid;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	HttpLoad(String baseUrl, String vigilJdbc, int clients, int batch, long pid) {
		this.baseUrl = baseUrl;
		this.vigilJdbc = vigilJdbc;
		this.clients = clients;
		this.batch = batch;
		this.pid = pid;
	}

	/** Creates the enterprise (once), a fresh key and {@code count} fresh sensors; returns the key and codes. */
	Seeded seed(int count) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6);
		String secret = "bench-" + UUID.randomUUID();
		try (Connection c = DriverManager.getConnection(vigilJdbc)) {
			c.createStatement().execute("""
					insert into organisations (code, name, kind, path) values ('bench-ent', 'Benchmark', 'enterprise', '/')
					on conflict (code) do nothing;
					update organisations set path = '/' || id || '/' where code = 'bench-ent'""");
			long enterprise;
			try (ResultSet rs = c.createStatement().executeQuery("select id from organisations where code = 'bench-ent'")) {
				rs.next();
				enterprise = rs.getLong(1);
			}
			try (PreparedStatement key = c.prepareStatement("insert into api_keys (enterprise_id, name, key_hash, key_hint, "
					+ "created_by) values (?, ?, ?, '…', 'bench')")) {
				key.setLong(1, enterprise);
				key.setString(2, "bench " + run);
				key.setString(3, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(secret.getBytes(StandardCharsets.UTF_8))));
				key.executeUpdate();
			}
			// A 30-day reporting interval: the replayed readings are up to ten days old, and with a shorter one the
			// interruption rule would rightly call every sensor silent, a flood of warnings no live fleet produces.
			try (PreparedStatement sensors = c.prepareStatement("insert into sensors (code, name, type, enterprise_id, "
					+ "unit, interval_seconds) select ? || g, ? || g, 'combustible_gas', ?, '%LEL', 2592000 "
					+ "from generate_series(0, ? - 1) g")) {
				String prefix = "b" + run + "-";
				sensors.setString(1, prefix);
				sensors.setString(2, prefix);
				sensors.setLong(3, enterprise);
				sensors.setInt(4, count);
				sensors.executeUpdate();
				String[] codes = new String[count];
				for (int i = 0; i < count; i++) {
					codes[i] = prefix + i;
				}
				return new Seeded(secret, codes);
			}
		}
	}

	/** The enterprise's code and API key (also its MQTT user name and password) and the sensor codes. */
	record Seeded(String key, String[] codes) {
	}

	Result run(Seeded seeded, Rows rows, long total) throws Exception {
		return run(seeded, rows, total, () -> {
		});
	}

	/** As {@link #run(Seeded, Rows, long)}, calling {@code atClockStart} once the messages are encoded. */
	Result run(Seeded seeded, Rows rows, long total, Runnable atClockStart) throws Exception {
		AtomicLong next = new AtomicLong();
		AtomicLong retries = new AtomicLong();
		AtomicLong rejected = new AtomicLong();
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		// Encoded before the clock starts, as the raw COPY baseline's rows are: the generator shares the 2 cores
		// with Vigil, and what is measured is Vigil taking the batches in, not this process writing JSON.
		byte[][] bodies = bodies(seeded.codes(), rows, total, batch);
		System.out.printf("  HTTP: %,d rows of %,d sensors encoded; clock starts%n", total, rows.sensors());
		atClockStart.run();
		long started = System.nanoTime();
		for (int t = 0; t < clients; t++) {
			Thread thread = new Thread(() -> {
				long from;
				while ((from = next.getAndAdd(batch)) < total) {
					latencies.add(send(seeded.key(), bodies[(int) (from / batch)], retries, rejected));
				}
			}, "bench-client-" + t);
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(total, seconds, total / seconds, percentile(sorted, 0.5), percentile(sorted, 0.99),
				retries.get(), rejected.get(), rss(pid));
	}

	private long send(String key, byte[] body, AtomicLong retries, AtomicLong rejected) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/readings"))
			.header("Content-Type", "application/json").header("X-Api-Key", key)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(120)).build();
		long started = System.nanoTime();
		while (true) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 503 || response.statusCode() == 429) {
					retries.incrementAndGet();
					long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
					Thread.sleep(Math.min(wait * 1000, 200));
					continue;
				}
				if (response.statusCode() != 202) {
					throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
				}
				if (!response.body().contains("\"rejected\":[]") && response.body().contains("\"index\"")) {
					rejected.addAndGet(response.body().split("\"index\"").length - 1);
				}
				return System.nanoTime() - started;
			}
			catch (java.io.IOException e) {
				retries.incrementAndGet();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/** The JSON batches of {@code batch} rows each for rows {@code [0, total)}, UTF-8 encoded. */
	static byte[][] bodies(String[] codes, Rows rows, long total, int batch) {
		byte[][] bodies = new byte[(int) ((total + batch - 1) / batch)][];
		for (int i = 0; i < bodies.length; i++) {
			long from = (long) i * batch;
			bodies[i] = body(codes, rows, from, Math.min(total, from + batch)).getBytes(StandardCharsets.UTF_8);
		}
		return bodies;
	}

	/** The JSON batch of rows {@code [from, to)}, as both HTTP and MQTT carry it. */
	static String body(String[] codes, Rows rows, long from, long to) {
		StringBuilder json = new StringBuilder((int) (to - from) * 80 + 16).append("{\"readings\":[");
		for (long row = from; row < to; row++) {
			if (row > from) {
				json.append(',');
			}
			json.append("{\"sensor\":\"").append(codes[rows.sensor(row)]).append("\",\"ts\":\"").append(rows.ts(row))
				.append("\",\"value\":").append(rows.value(row)).append(",\"flag\":\"N\"}");
		}
		return json.append("]}").toString();
	}

	/** The {@code p} quantile of nanosecond figures, in milliseconds. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	/** Vigil's resident memory now and at its peak, when its process id was given. */
	static String rss(long pid) {
		if (pid <= 0) {
			return "n/a";
		}
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
			String rss = field(lines, "VmRSS:");
			String hwm = field(lines, "VmHWM:");
			return rss + " (peak " + hwm + ")";
		}
		catch (Exception e) {
			return "n/a";
		}
	}

	private static String field(List<String> lines, String name) {
		return lines.stream().filter(l -> l.startsWith(name)).findFirst()
			.map(l -> Arrays.stream(l.substring(name.length()).trim().split("\\s+")).findFirst().orElse("?"))
			.map(kb -> Long.parseLong(kb) / 1024 + " MB").orElse("?");
	}
}
