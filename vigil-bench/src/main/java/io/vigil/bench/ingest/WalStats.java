package io.vigil.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * PostgreSQL's write-ahead log counters ({@code pg_stat_wal}, PostgreSQL 14 and later) around a run: how many
 * bytes of WAL, and how many full-page images, each stored row cost. The server's whole WAL is counted, so other
 * work on the server shows up too; null where the view is missing.
 */
record WalStats(long records, long fullPages, long bytes) {

	static WalStats read(String jdbcUrl) {
		try (Connection c = DriverManager.getConnection(jdbcUrl);
				ResultSet rs = c.createStatement().executeQuery("select wal_records, wal_fpi, wal_bytes from pg_stat_wal")) {
			rs.next();
			return new WalStats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
		}
		catch (Exception e) {
			return null;
		}
	}

	/** What was written since {@code before}, per row of {@code rows}. */
	static String since(WalStats before, String jdbcUrl, long rows) {
		WalStats after = read(jdbcUrl);
		if (before == null || after == null) {
			return "WAL n/a";
		}
		return String.format(Locale.ROOT, "WAL %.0f bytes, %.2f records and %.3f full pages a row",
				(after.bytes - before.bytes) / (double) rows, (after.records - before.records) / (double) rows,
				(after.fullPages - before.fullPages) / (double) rows);
	}
}
