package io.vigil.ingest.hj212;

import static io.vigil.ingest.hj212.Hj212FrameBuilder.readReply;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.Api;
import io.vigil.ingest.IngestTest;
import io.vigil.ingest.TestEnterprise;
import io.vigil.platform.PlatformSettings;
import io.vigil.registry.SensorCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A data logger speaking HJ 212 over a real TCP connection to the running application. */
@IngestTest
class Hj212IngestTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	@LocalServerPort
	int port;

	@Autowired
	Hj212Ingest hj212;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SensorCatalog catalog;

	@Autowired
	PlatformSettings platform;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void sensorsOfTheMappedLogger() {
		if (jdbc.sql("select count(*) from sensors where code = 'hjt-gas1'").query(Long.class).single() == 0) {
			Api admin = Api.at(port).as("admin", "admin-password");
			admin.post("/api/v1/organisations", java.util.Map.of("code", "hjt-region", "name", "HJ 212 区", "kind", "region"));
			long enterprise = admin.post("/api/v1/organisations", java.util.Map.of("code", "hjt-plant", "name", "HJ 212 厂",
					"kind", "enterprise", "parent", "hjt-region")).json().get("id").asLong();
			for (String code : List.of("hjt-gas1", "hjt-gas2")) {
				jdbc.sql("""
						insert into sensors (code, name, type, enterprise_id, unit, interval_seconds, range_min, range_max)
						values (:code, :code, 'combustible_gas', :enterprise, '%LEL', 60, 0, 100)""")
					.param("code", code).param("enterprise", enterprise).update();
			}
			catalog.invalidate();
		}
	}

	@Test
	void confirmsAFrameWithAReplyOnlyAfterItsReadingsAreStored() throws IOException {
		LocalDateTime at = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1);
		byte[] frame = Hj212FrameBuilder.realTime().qn("20240101000000001").mn(IngestTest.HJ212_MN).flag(5)
			.dataTime(at.format(DATA_TIME)).rtd("a01001", "23.5", "N").rtd("a01002", "7", "F").bytes();

		try (Socket logger = connect()) {
			logger.getOutputStream().write(frame);

			Hj212Frame reply = readReply(logger);
			assertThat(reply.dataSegment()).isEqualTo("QN=20240101000000001;ST=91;CN=9014;PW=" + IngestTest.HJ212_PW
					+ ";MN=" + IngestTest.HJ212_MN + ";Flag=4;CP=&&&&");
		}
		Instant ts = at.atZone(CHINA).toInstant();
		assertThat(stored("hjt-gas1")).contains(ts + "=23.5/N");
		assertThat(stored("hjt-gas2")).contains(ts + "=7.0/F/invalid");
	}

	@Test
	void quarantinesBadCrcTruncatedAndGarbageAndStillAnswersTheNextGoodFrame() throws IOException {
		String marker = "Q" + System.nanoTime();
		LocalDateTime at = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(2);
		byte[] good = Hj212FrameBuilder.realTime().qn("good1").mn(IngestTest.HJ212_MN).dataTime(at.format(DATA_TIME))
			.rtd("a01001", "11", "N").bytes();
		String badCrc = new String(Hj212FrameBuilder.realTime().qn(marker + "crc").mn(IngestTest.HJ212_MN)
			.rtd("a01001", "99", "N").bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
		badCrc = badCrc.substring(0, badCrc.length() - 6) + (badCrc.startsWith("0", badCrc.length() - 6) ? "1" : "0")
				+ badCrc.substring(badCrc.length() - 5);
		String truncated = "##0200QN=" + marker + "cut;ST=22;CN=2011";

		try (Socket logger = connect()) {
			OutputStream out = logger.getOutputStream();
			out.write(Hj212FrameBuilder.ascii("garbage-" + marker + "\r\n"));
			out.write(Hj212FrameBuilder.ascii(badCrc));
			out.write(Hj212FrameBuilder.ascii(truncated));
			out.write(good);

			assertThat(readReply(logger).header().qn()).isEqualTo("good1");
		}
		assertThat(stored("hjt-gas1")).contains(at.atZone(CHINA).toInstant() + "=11.0/N");
		io.vigil.ingest.Eventually.within(Duration.ofSeconds(10), () -> assertThat(quarantined(marker))
			.containsExactlyInAnyOrder("garbage", "bad_crc", "truncated"));
	}

	@Test
	void quarantinesValuesOfUnmappedCodesAndUnregisteredSensorsButConfirmsTheFrame() throws IOException {
		String qn = "U" + System.nanoTime();
		LocalDateTime at = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(3);
		byte[] frame = Hj212FrameBuilder.realTime().qn(qn).mn(IngestTest.HJ212_MN).dataTime(at.format(DATA_TIME))
			.rtd("a01001", "5", "N").rtd("a99999", "1", "N").rtd("a01003", "2", "N").bytes();

		try (Socket logger = connect()) {
			logger.getOutputStream().write(frame);
			assertThat(readReply(logger).header().qn()).isEqualTo(qn);
		}
		io.vigil.ingest.Eventually.within(Duration.ofSeconds(10), () -> assertThat(quarantined(qn))
			.containsExactlyInAnyOrder("unknown_sensor", "unknown_sensor"));
	}

	@Test
	void refusesAFrameWithAWrongPasswordStoresNothingOfItAndDoesNotAnswerIt() throws IOException {
		String qn = "W" + System.nanoTime();
		LocalDateTime wrongAt = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(4);
		LocalDateTime rightAt = wrongAt.minusSeconds(1);
		double deniedBefore = denied("wrong_password");
		double unauthorizedBefore = meters.get("vigil.ingest.rejected").tag("channel", "hj212")
			.tag("reason", "unauthorized").counter().count();

		try (Socket logger = connect()) {
			logger.getOutputStream().write(Hj212FrameBuilder.concat(
					Hj212FrameBuilder.realTime().qn(qn).pw("654321").mn(IngestTest.HJ212_MN)
						.dataTime(wrongAt.format(DATA_TIME)).rtd("a01001", "42", "N").bytes(),
					Hj212FrameBuilder.realTime().qn(qn + "ok").mn(IngestTest.HJ212_MN)
						.dataTime(rightAt.format(DATA_TIME)).rtd("a01001", "43", "N").bytes()));

			// Replies keep frame order: the first answering the second frame proves the first got none.
			assertThat(readReply(logger).header().qn()).isEqualTo(qn + "ok");
		}
		assertThat(stored("hjt-gas1")).contains(rightAt.atZone(CHINA).toInstant() + "=43.0/N")
			.noneMatch(reading -> reading.startsWith(wrongAt.atZone(CHINA).toInstant() + "="));
		io.vigil.ingest.Eventually.within(Duration.ofSeconds(10), () -> assertThat(quarantineEntries(qn))
			.singleElement().satisfies(entry -> {
				assertThat(entry.get("code").asString()).isEqualTo("unauthorized");
				assertThat(entry.get("reason").asString()).startsWith("wrong_password from ")
					.contains("PW of MN " + IngestTest.HJ212_MN + " does not match");
				// The logger's enterprise sees the refusal: it is the one that has to fix the logger.
				assertThat(entry.get("enterprise").asString()).isEqualTo("hjt-plant");
				assertThat(entry.get("raw").asString()).contains("PW=***").doesNotContain("654321");
			}));
		assertThat(denied("wrong_password")).isEqualTo(deniedBefore + 1);
		assertThat(meters.get("vigil.ingest.rejected").tag("channel", "hj212").tag("reason", "unauthorized").counter()
			.count()).isEqualTo(unauthorizedBefore + 1);
	}

	@Test
	void refusesAFrameOfALoggerNobodyConfigured() throws IOException {
		String qn = "X" + System.nanoTime();
		LocalDateTime at = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(5);

		try (Socket logger = connect()) {
			logger.getOutputStream().write(Hj212FrameBuilder.concat(
					Hj212FrameBuilder.realTime().qn(qn).mn("HJSTRANGER000001").dataTime(at.format(DATA_TIME))
						.rtd("a01001", "1", "N").bytes(),
					Hj212FrameBuilder.realTime().qn(qn + "ok").mn(IngestTest.HJ212_MN).dataTime(at.format(DATA_TIME))
						.rtd("a01001", "2", "N").bytes()));

			assertThat(readReply(logger).header().qn()).isEqualTo(qn + "ok");
		}
		io.vigil.ingest.Eventually.within(Duration.ofSeconds(10), () -> assertThat(quarantineEntries(qn))
			.singleElement().satisfies(entry -> {
				assertThat(entry.get("code").asString()).isEqualTo("unauthorized");
				assertThat(entry.get("reason").asString()).startsWith("unknown_mn from ")
					.contains("MN HJSTRANGER000001 is not configured");
			}));
	}

	@Test
	void reloadsTheMappingFileWhileRunningAndKeepsTheOldMappingWhenTheNewFileIsBroken() throws IOException {
		TestEnterprise plant = TestEnterprise.in(port, jdbc, catalog).sensors("gas").create();
		String mn = "HJRL" + System.nanoTime();
		Path file = platform.dataDir().resolve(Hj212Ingest.DEFAULT_MAPPING_FILE);
		Api admin = Api.at(port).as("admin", "admin-password");
		LocalDateTime at = LocalDateTime.now(CHINA).truncatedTo(ChronoUnit.SECONDS).minusMinutes(6);
		try {
			assertThat(answered(mn, "reload1", at)).as("before the reload").isFalse();

			Files.writeString(file, "# added while running\n" + mn + ",a01001," + plant.sensor("gas") + "\n" + mn
					+ ",PW=reload1\n");
			Api.Response reloaded = admin.post("/api/v1/ingest/hj212/mapping/reload", Map.of());

			assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
			assertThat(reloaded.json().get("loggers").asInt()).isEqualTo(2);
			assertThat(reloaded.json().get("codes").asInt()).isEqualTo(4);
			assertThat(answered(mn, "reload1", at)).as("after the reload").isTrue();
			assertThat(plant.stored("gas")).containsExactly(at.atZone(CHINA).toInstant() + "=7.0/N");

			Files.writeString(file, mn + ",a01001," + plant.sensor("gas") + "\nnot a mapping line\n");
			Api.Response broken = admin.post("/api/v1/ingest/hj212/mapping/reload", Map.of());

			assertThat(broken.status()).as(broken.body()).isEqualTo(400);
			assertThat(broken.json().get("detail").asString()).contains(file + " line 2 is neither MN,code,sensor")
				.contains("the previous mapping stays in force");
			assertThat(answered(mn, "reload1", at.minusSeconds(1))).as("after the broken reload").isTrue();
			assertThat(Api.at(port).post("/api/v1/ingest/hj212/mapping/reload", Map.of()).status()).isEqualTo(401);
		}
		finally {
			Files.deleteIfExists(file);
			assertThat(admin.post("/api/v1/ingest/hj212/mapping/reload", Map.of()).status()).isEqualTo(200);
		}
	}

	/** Sends one real-time frame of {@code a01001} = 7 and a frame of the test logger; whether the first was answered. */
	private boolean answered(String mn, String pw, LocalDateTime at) throws IOException {
		String qn = "A" + System.nanoTime();
		try (Socket logger = connect()) {
			logger.getOutputStream().write(Hj212FrameBuilder.concat(
					Hj212FrameBuilder.realTime().qn(qn).mn(mn).pw(pw).dataTime(at.format(DATA_TIME))
						.rtd("a01001", "7", "N").bytes(),
					Hj212FrameBuilder.realTime().qn(qn + "ok").mn(IngestTest.HJ212_MN).dataTime(at.format(DATA_TIME))
						.rtd("a01001", "8", "N").bytes()));
			String first = readReply(logger).header().qn();
			if (first.equals(qn)) {
				assertThat(readReply(logger).header().qn()).isEqualTo(qn + "ok");
				return true;
			}
			assertThat(first).isEqualTo(qn + "ok");
			return false;
		}
	}

	private double denied(String reason) {
		return meters.get("vigil.ingest.hj212.denied").tag("reason", reason).functionCounter().count();
	}

	private List<JsonNode> quarantineEntries(String marker) {
		JsonNode items = Api.at(port).as("admin", "admin-password").get("/api/v1/ingest/quarantine?channel=hj212&size=1000")
			.json().get("items");
		List<JsonNode> found = new ArrayList<>();
		items.forEach(item -> {
			if (item.get("raw").asString().contains(marker + ";")) {
				found.add(item);
			}
		});
		return found;
	}

	private List<String> quarantined(String marker) {
		JsonNode items = Api.at(port).as("admin", "admin-password").get("/api/v1/ingest/quarantine?channel=hj212&size=1000")
			.json().get("items");
		List<String> found = new ArrayList<>();
		items.forEach(item -> {
			if (item.get("raw").asString().contains(marker)) {
				found.add(item.get("code").asString().equals("malformed")
						? item.get("reason").asString().split(" ")[0] : item.get("code").asString());
			}
		});
		return found;
	}

	private List<String> stored(String sensor) {
		return jdbc.sql("""
				select r.ts, r.value, r.flag, r.valid from readings r join sensors s on s.id = r.sensor_id
				where s.code = :code order by r.ts""").param("code", sensor)
			.query((rs, row) -> rs.getTimestamp("ts").toInstant() + "=" + rs.getDouble("value") + "/"
					+ rs.getString("flag") + (rs.getBoolean("valid") ? "" : "/invalid"))
			.list();
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", hj212.port());
		socket.setSoTimeout(20_000);
		return socket;
	}
}
