package io.vigil.detection.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import io.vigil.engine.runtime.Snapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The engine's latest state snapshot, one row, replaced each time. */
@Repository
class SnapshotStore {

	private final JdbcClient jdbc;

	SnapshotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(Snapshot snapshot, Instant at) {
		jdbc.sql("""
				insert into detection_state (id, taken_at, entries, state) values (1, :at, :entries, :state)
				on conflict (id) do update set taken_at = excluded.taken_at, entries = excluded.entries, state = excluded.state""")
			.param("at", Timestamp.from(at)).param("entries", snapshot.size()).param("state", snapshot.toBytes())
			.update();
	}

	/** @throws IOException when the stored bytes are no snapshot */
	Optional<Snapshot> load() throws IOException {
		Optional<byte[]> bytes = jdbc.sql("select state from detection_state where id = 1")
			.query((rs, row) -> rs.getBytes("state"))
			.optional();
		return bytes.isEmpty() ? Optional.empty() : Optional.of(Snapshot.readFrom(new ByteArrayInputStream(bytes.get())));
	}
}
