package io.vigil.bench.engine;

import io.vigil.engine.Level;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.DataQuality;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.runtime.FixedRuleBook;
import io.vigil.engine.runtime.PartitionedRunner;
import io.vigil.engine.runtime.Snapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost of the detection state snapshot the server takes every 30 s: {@code sensors} sensors with the server's
 * three default rules (threshold, interruption, data quality), i.e. 3 states each, on 2 partitions as the
 * server runs them, after a few readings each (5 % of the sensors over their set point). Reports the time to
 * take the snapshot and write it to bytes, the bytes written, the bytes allocated by all threads meanwhile,
 * and the time to read and restore it. Arguments: {@code sensors} (default 100,000), {@code runs} (default 5).
 */
public final class SnapshotBench {

	public static void main(String[] args) throws Exception {
		int sensors = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		FixedRuleBook book = rules(sensors);
		Clock clock = Clock.fixed(t0.plusSeconds(30), ZoneOffset.UTC);
		try (PartitionedRunner runner = new PartitionedRunner(book, o -> { }, clock, 2, 10_000)) {
			List<Reading> readings = new ArrayList<>(sensors);
			for (int t = 0; t < 3; t++) {
				for (int i = 0; i < sensors; i++) {
					double value = i % 20 == 0 ? 9.5 : 1.0 + (i % 7) * 0.1 + t * 0.01;
					readings.add(Reading.of("PT-" + i, t0.plusSeconds(10L * t), value));
				}
				runner.submitAll(readings);
				readings.clear();
			}
			runner.tick();
			runner.flush();

			byte[] bytes = null;
			for (int run = -2; run < runs; run++) { // two warm-ups
				long allocated = allocated();
				long started = System.nanoTime();
				Snapshot snapshot = runner.snapshot().join();
				long taken = System.nanoTime();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				snapshot.writeTo(out);
				bytes = out.toByteArray();
				long written = System.nanoTime();
				long garbage = allocated() - allocated;
				if (run >= 0) {
					System.out.printf("snapshot %d: take %d ms + write %d ms = %d ms, %,d bytes, %,d bytes allocated%n", run,
							(taken - started) / 1_000_000, (written - taken) / 1_000_000, (written - started) / 1_000_000,
							bytes.length, garbage);
				}
			}
			for (int run = -2; run < runs; run++) {
				try (PartitionedRunner restarted = new PartitionedRunner(book, o -> { }, clock, 2, 10_000)) {
					long started = System.nanoTime();
					restarted.restore(Snapshot.readFrom(new ByteArrayInputStream(bytes))).join();
					if (run >= 0) {
						System.out.printf("restore %d: %d ms%n", run, (System.nanoTime() - started) / 1_000_000);
					}
				}
			}
		}
	}

	/** The server's default rules: one shared condition of each kind, sensors grouped by enterprise (partition key). */
	private static FixedRuleBook rules(int sensors) {
		Threshold threshold = new Threshold("threshold#1f3a9c", List.of(Limit.high(8, Level.YELLOW), Limit.high(9, Level.ORANGE)),
				0.05, Delay.ofReadings(2), Delay.ofReadings(2));
		Interruption interruption = new Interruption("interruption#7b21d0", Duration.ofSeconds(10), 3, Level.BLUE);
		DataQuality quality = new DataQuality("data_quality#42ce18", 0, 10, 720, 0, Double.NaN, 1, Level.BLUE);
		FixedRuleBook.Builder builder = FixedRuleBook.builder();
		for (int i = 0; i < sensors; i++) {
			String key = "PT-" + i;
			builder.bind(key, threshold).bind(key, interruption).bind(key, quality).partition(key, "E-" + i / 1000);
		}
		return builder.build();
	}

	/** Bytes allocated so far by all live threads (the partition threads do the snapshot work). */
	private static long allocated() {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long sum = 0;
		for (long a : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			sum += Math.max(0, a);
		}
		return sum;
	}

	private SnapshotBench() {
	}
}
