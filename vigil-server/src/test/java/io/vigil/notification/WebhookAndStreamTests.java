package io.vigil.notification;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.vigil.Api;
import io.vigil.notification.internal.DeliveryWorker;
import io.vigil.warning.ConditionReport;
import io.vigil.warning.FixedClockConfig;
import io.vigil.warning.WarningIntake;
import io.vigil.warning.WarningLevel;
import io.vigil.warning.WarningWorld;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationTest
class WebhookAndStreamTests {

	@LocalServerPort
	int port;

	@Autowired
	WarningIntake intake;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	JdbcClient jdbc;

	record Received(String body, String signature, String timestamp) {
	}

	@Test
	void signedWebhookIsRetriedWithBackOffUntilTheReceiverAcceptsIt() throws Exception {
		Instant t0 = Instant.parse("2026-03-04T02:00:00Z");
		FixedClockConfig.CLOCK.set(t0);
		List<Received> received = new CopyOnWriteArrayList<>();
		AtomicInteger calls = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("X-Vigil-Signature"),
					exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp")));
			exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 204, -1);
			exchange.close();
		});
		receiver.start();
		try {
			WarningWorld world = new WarningWorld(Api.at(port).as("admin", "admin-password"), jdbc).standard();
			Api.Response endpoint = world.as(port, "manager").post("/api/v1/notification-endpoints",
					Map.of("organisation", world.code("ent"), "kind", "webhook", "name", "upper platform", "url",
							"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", "s3cret"));
			assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
			long sensor = world.sensor("gas-1", "ent", null);

			long id = intake.report(new ConditionReport(ConditionReport.Kind.RAISED, sensor, null, world.id("ent"),
					"gas-high", "threshold", "gas", WarningLevel.RED, 55, 50, "可燃气体二级报警", "combustible gas high-high",
					Map.of(), false, t0)).getAsLong();
			awaitAttempts(id, 1);
			worker.run();
			assertThat(calls.get()).as("not retried before its back-off").isEqualTo(1);

			FixedClockConfig.CLOCK.set(t0.plusSeconds(10));
			worker.run();
			assertThat(calls.get()).isEqualTo(2);
			FixedClockConfig.CLOCK.set(t0.plusSeconds(29));
			worker.run();
			assertThat(calls.get()).as("the second wait is twice the first").isEqualTo(2);
			FixedClockConfig.CLOCK.set(t0.plusSeconds(30));
			worker.run();
			assertThat(calls.get()).isEqualTo(3);

			Received last = received.get(2);
			assertThat(last.signature()).isEqualTo("sha256=" + HexFormat.of()
				.formatHex(hmac("s3cret", last.timestamp() + "." + last.body())));
			assertThat(last.body()).contains("\"id\":" + id).contains("combustible gas high-high");
			JsonNode log = world.as(port, "manager").get("/api/v1/warnings/" + id + "/deliveries").json().get("items");
			JsonNode webhook = null;
			for (JsonNode d : log) {
				if ("webhook".equals(d.path("channel").asString())) {
					webhook = d;
				}
			}
			assertThat(webhook).isNotNull();
			assertThat(webhook.get("status").asString()).isEqualTo("sent");
			assertThat(webhook.get("attempts").asInt()).isEqualTo(3);
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void liveStreamCarriesOnlyWarningsInsideTheUsersScope() throws Exception {
		Instant t0 = Instant.parse("2026-03-05T02:00:00Z");
		FixedClockConfig.CLOCK.set(t0);
		WarningWorld world = new WarningWorld(Api.at(port).as("admin", "admin-password"), jdbc).standard();
		long mine = world.sensor("mine", "ent", null);
		long theirs = world.sensor("theirs", "ent2", null);
		String token = Api.at(port).post("/api/v1/auth/login", Map.of("username", world.code("operator"), "password",
				WarningWorld.PASSWORD)).json().get("token").asString();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/v1/stream?access_token=" + token)).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.statusCode()).isEqualTo(200);
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				for (String line; (line = in.readLine()) != null;) {
					lines.add(line);
				}
			}
			catch (Exception e) {
				lines.add("closed: " + e);
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			assertThat(next(lines, "event:hello")).isNotNull();
			long other = intake.report(WarningWorld.report(ConditionReport.Kind.RAISED, theirs, world.id("ent2"), "r1",
					"threshold", WarningLevel.BLUE, false, t0)).getAsLong();
			long own = intake.report(WarningWorld.report(ConditionReport.Kind.RAISED, mine, world.id("ent"), "r1",
					"threshold", WarningLevel.BLUE, false, t0)).getAsLong();

			assertThat(next(lines, "event:warning")).isNotNull();
			String data = next(lines, "data:");
			assertThat(data).contains("\"id\":" + own).doesNotContain("\"id\":" + other);
		}
		finally {
			stream.body().close();
		}
	}

	/** The first attempt runs on the delivery thread right after commit; wait for it rather than for a tick. */
	private void awaitAttempts(long warningId, int attempts) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			Integer done = jdbc.sql("""
					select coalesce(max(d.attempts), 0) from deliveries d join notices n on n.message_id = d.message_id
					where n.warning_id = :w and d.channel = 'webhook'""").param("w", warningId).query(Integer.class).single();
			if (done >= attempts) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the immediate delivery never ran");
	}

	private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < end) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
		}
		return null;
	}

	private static byte[] hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}
}
