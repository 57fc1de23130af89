package io.vigil.timeseries;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.vigil.VigilTest;
import io.vigil.timeseries.TestSensors.Sensor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@VigilTest
@TestPropertySource(properties = { "vigil.timeseries.queue-capacity=10", "vigil.timeseries.max-batch=5" })
class BackPressureTests {

	@Autowired
	ReadingStore store;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFullQueueRefusesAtOnceAndLosesNothingItAccepted() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant start = Instant.parse("2025-05-01T00:00:00Z");
		CompletableFuture<Void> first;
		CompletableFuture<Void> second;
		CompletableFuture<Void> refused;
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				// Holds the writer inside its transaction, so nothing leaves the queue meanwhile.
				statement.execute("lock table sensor_latest in share mode");
			}
			first = store.append(TestSensors.series(sensor, start, 5, 1));
			second = store.append(TestSensors.series(sensor, start.plusSeconds(5), 5, 1));
			refused = store.append(TestSensors.series(sensor, start.plusSeconds(10), 1, 1));

			assertThat(refused).isCompletedExceptionally();
			assertThat(first).isNotDone();
			blocker.rollback();
		}
		CompletableFuture.allOf(first, second).join();
		assertThatThrownBy(refused::join).hasCauseInstanceOf(StoreOverloadedException.class);
		assertThat(stored(sensor)).isEqualTo(10);
	}

	@Test
	void underABurstEveryAcknowledgedReadingIsStored() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant start = Instant.parse("2025-05-02T00:00:00Z");
		AtomicLong acknowledged = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<CompletableFuture<Void>> all = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			List<SensorReading> batch = TestSensors.series(sensor, start.plusSeconds(i * 3L), 3, 1);
			all.add(CompletableFuture.supplyAsync(() -> store.append(batch), clients)
				.thenCompose(done -> done)
				.handle((ok, failure) -> {
					if (failure == null) {
						acknowledged.addAndGet(3);
					}
					else if (failure instanceof CompletionException c && c.getCause() instanceof StoreOverloadedException) {
						refused.incrementAndGet();
					}
					return null;
				}));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
		clients.shutdown();

		assertThat(refused.get()).isPositive();
		assertThat(stored(sensor)).isEqualTo(acknowledged.get());
	}

	private long stored(Sensor sensor) {
		return jdbc.sql("select count(*) from readings where sensor_id = :id").param("id", sensor.id())
			.query(Long.class).single();
	}
}
