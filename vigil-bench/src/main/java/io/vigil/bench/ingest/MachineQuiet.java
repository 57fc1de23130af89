package io.vigil.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Waits until the whole machine is (nearly) idle, read from {@code /proc/stat}: after a run, Vigil's roll-ups and
 * PostgreSQL's autovacuum of the rows just written go on for seconds, and a measurement started meanwhile (raw COPY's
 * as much as Vigil's) shares the 2 cores with them.
 */
final class MachineQuiet {

	private static final int QUIET_SECONDS = 12;

	private MachineQuiet() {
	}

	/** How long the wait took and how much CPU the machine used meanwhile (all cores, seconds). */
	record Waited(double seconds, double busyCpuSeconds) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT, "%.0f s (%.1f s of CPU)", seconds, busyCpuSeconds);
		}
	}

	/**
	 * Waits (at most {@code maxSeconds}) until all cores together were busy less than {@code share} of the time in
	 * every 2-second sample for {@value #QUIET_SECONDS} seconds in a row: long enough for Vigil's periodic roll-up
	 * job (every 10 s, for minutes quiet for 5 s) to have taken what the previous run left. Zeros without /proc.
	 */
	static Waited await(double share, long maxSeconds) throws InterruptedException {
		long[] first = ticks();
		if (first == null) {
			return new Waited(0, 0);
		}
		long[] before = first;
		long started = System.nanoTime();
		int quietSamples = 0;
		while (true) {
			Thread.sleep(2000);
			long[] now = ticks();
			long busy = now[0] - before[0];
			long all = busy + now[1] - before[1];
			quietSamples = all > 0 && busy < share * all ? quietSamples + 1 : 0;
			double waited = (System.nanoTime() - started) / 1e9;
			if (quietSamples * 2 >= QUIET_SECONDS || waited >= maxSeconds) {
				// /proc/stat counts in USER_HZ, 100 a second on Linux.
				return new Waited(waited, (now[0] - first[0]) / 100.0);
			}
			before = now;
		}
	}

	/** Busy and idle clock ticks of all cores so far (idle includes waiting for I/O); null without /proc. */
	private static long[] ticks() {
		try {
			String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			// cpu user nice system idle iowait irq softirq steal …
			long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
			long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
					+ Long.parseLong(f[7]) + Long.parseLong(f[8]);
			return new long[] { busy, idle };
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}
}
