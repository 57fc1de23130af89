package io.vigil.timeseries;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.vigil.Api;
import io.vigil.VigilTest;
import io.vigil.ingest.TestEnterprise;
import io.vigil.registry.SensorCatalog;
import io.vigil.timeseries.TestSensors.Sensor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@VigilTest
@TestPropertySource(properties = { "vigil.timeseries.queue-capacity=10", "vigil.timeseries.max-batch=5",
		"vigil.ingest.ack-timeout=2s" })
class BackPressureTests {

	@LocalServerPort
	int port;

	@Autowired
	ReadingStore store;

	@Autowired
	SensorCatalog catalog;

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
				// Holds the writer inside its transaction (it marks the minutes of every batch), so nothing leaves the
				// queue meanwhile.
				statement.execute("lock table rollup_pending in share mode");
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
	void aFullStoreAnswersAnHttpPushWith503AndRetryAfter() throws Exception {
		TestEnterprise plant = TestEnterprise.in(port, jdbc, catalog).sensors("gas").create();
		Sensor filler = new TestSensors(jdbc).sensor(60);
		Instant start = Instant.parse("2025-05-03T00:00:00Z");
		CompletableFuture<Void> queued;
		Api.Response refused;
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				statement.execute("lock table rollup_pending in share mode");
			}
			queued = CompletableFuture.allOf(store.append(TestSensors.series(filler, start, 5, 1)),
					store.append(TestSensors.series(filler, start.plusSeconds(5), 5, 1)));
			refused = Api.at(port).withApiKey(plant.key()).post("/api/v1/readings", Map.of("readings",
					List.of(TestEnterprise.reading(plant.sensor("gas"), Instant.now(), 1.0, "N"))));
			blocker.rollback();
		}
		queued.join();

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.headers().get("Retry-After")).containsExactly("1");
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:vigil:problem:overloaded");
		assertThat(plant.count("gas")).isZero();
	}

	@Test
	void aPushTheStoreDoesNotAnswerInTimeIsAnswered503AndMaySafelyBeSentAgain() throws Exception {
		TestEnterprise plant = TestEnterprise.in(port, jdbc, catalog).sensors("gas").create();
		Api gateway = Api.at(port).withApiKey(plant.key());
		Map<String, Object> body = Map.of("readings",
				List.of(TestEnterprise.reading(plant.sensor("gas"), Instant.now(), 1.0, "N")));
		Api.Response late;
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				statement.execute("lock table rollup_pending in share mode");
			}
			long started = System.nanoTime();
			late = gateway.post("/api/v1/readings", body);
			assertThat(System.nanoTime() - started).as("answered after vigil.ingest.ack-timeout")
				.isGreaterThanOrEqualTo(2_000_000_000L);
			blocker.rollback();
		}
		assertThat(late.status()).isEqualTo(503);
		assertThat(late.json().get("type").asString()).isEqualTo("urn:vigil:problem:store-failed");

		assertThat(gateway.post("/api/v1/readings", body).status()).isEqualTo(202);
		assertThat(plant.count("gas")).as("stored once, whether or not the first attempt was").isEqualTo(1);
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
