package io.vigil.ingest.hj212;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.vigil.Api;
import io.vigil.ingest.IngestTest;
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
			assertThat(reply.header().cn()).isEqualTo("9014");
			assertThat(reply.header().qn()).isEqualTo("20240101000000001");
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

	private static Hj212Frame readReply(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		int current;
		while ((current = in.read()) != -1) {
			line.write(current);
			if (previous == '\r' && current == '\n') {
				break;
			}
			previous = current;
		}
		List<Hj212Decoded> decoded = new Hj212Decoder(9999).feed(line.toByteArray());
		assertThat(decoded).as("reply %s", line).singleElement().isInstanceOf(Hj212Frame.class);
		return (Hj212Frame) decoded.get(0);
	}
}
