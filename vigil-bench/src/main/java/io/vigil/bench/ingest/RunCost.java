package io.vigil.bench.ingest;

/**
 * What one measured run cost per row: PostgreSQL's WAL from when this is made, and CPU (Vigil, PostgreSQL, the
 * generator) from when the run's clock starts, so that encoding the load beforehand is not counted.
 */
final class RunCost {

	private final String jdbcUrl;

	private final long vigilPid;

	private final WalStats wal;

	private volatile CpuUse cpu;

	RunCost(String jdbcUrl, long vigilPid) {
		this.jdbcUrl = jdbcUrl;
		this.vigilPid = vigilPid;
		this.wal = WalStats.read(jdbcUrl);
	}

	/** To call when the run's clock starts. */
	Runnable clockStarts() {
		return () -> cpu = CpuUse.now(vigilPid);
	}

	/** WAL and CPU per row of {@code rows} since then. */
	String perRow(long rows) {
		return WalStats.since(wal, jdbcUrl, rows) + ", " + CpuUse.since(cpu, vigilPid, rows);
	}
}
