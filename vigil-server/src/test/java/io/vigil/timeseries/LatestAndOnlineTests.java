package io.vigil.timeseries;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.vigil.Api;
import io.vigil.VigilTest;
import io.vigil.timeseries.TestSensors.Sensor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class LatestAndOnlineTests {

	@LocalServerPort
	int port;

	@Autowired
	ReadingStore store;

	@Autowired
	SensorOnlineState online;

	@Autowired
	JdbcClient jdbc;

	@Test
	void latestValuesOfAnAssetAndAnEnterpriseIgnoreOlderReadings() {
		TestSensors data = new TestSensors(jdbc);
		String enterpriseCode = data.uniqueCode("ent");
		long enterprise = data.enterprise(enterpriseCode);
		String assetCode = data.uniqueCode("asset");
		long asset = data.asset(enterprise, assetCode);
		Sensor reporting = data.sensor(enterprise, enterpriseCode, asset, 60);
		Sensor silent = data.sensor(enterprise, enterpriseCode, null, 60);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		store.append(List.of(reporting.at(now.minusSeconds(30), 4), reporting.at(now.minusSeconds(10), 5))).join();
		store.append(List.of(reporting.at(now.minusSeconds(20), 99))).join();

		Api admin = Api.at(port).as("admin", "admin-password");
		var assetItems = admin.get("/api/v1/assets/" + assetCode + "/latest").json().get("items");
		var enterpriseItems = admin.get("/api/v1/enterprises/" + enterpriseCode + "/latest").json().get("items");

		assertThat(assetItems).hasSize(1);
		assertThat(assetItems.get(0).get("sensor").asString()).isEqualTo(reporting.code());
		assertThat(assetItems.get(0).get("value").asDouble()).isEqualTo(5.0);
		assertThat(assetItems.get(0).get("ts").asString()).isEqualTo(now.minusSeconds(10).toString());
		assertThat(assetItems.get(0).get("online").asBoolean()).isTrue();
		assertThat(enterpriseItems).hasSize(2);
		assertThat(enterpriseItems.findValuesAsString("sensor")).containsExactlyInAnyOrder(reporting.code(), silent.code());
		assertThat(admin.get("/api/v1/assets/no-such-asset/latest").status()).isEqualTo(404);
	}

	@Test
	void aSensorGoesOfflineAfterThreeSilentIntervals() {
		TestSensors data = new TestSensors(jdbc);
		Sensor sensor = data.sensor(60);
		Sensor neverReported = data.sensor(60);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		store.append(List.of(sensor.at(now.minusSeconds(70), 1), sensor.at(now.minusSeconds(10), 2))).join();

		assertThat(online.lastSeen(sensor.id())).contains(now.minusSeconds(10));
		assertThat(online.isOnline(sensor.id(), now)).isTrue();
		assertThat(online.isOnline(sensor.id(), now.plusSeconds(170))).isTrue();
		assertThat(online.isOnline(sensor.id(), now.plusSeconds(171))).isFalse();
		assertThat(online.isOnline(neverReported.id(), now)).isFalse();
		assertThat(online.offlineSensors(now.plusSeconds(171)))
			.extracting(SensorOnlineState.Silence::sensorId).contains(sensor.id()).doesNotContain(neverReported.id());
		// A sensor that never reported counts from its creation.
		assertThat(online.offlineSensors(now.plusSeconds(300)))
			.extracting(SensorOnlineState.Silence::sensorId).contains(sensor.id(), neverReported.id());
		assertThat(online.offlineSensors(now)).extracting(SensorOnlineState.Silence::sensorId)
			.doesNotContain(sensor.id());
	}

	@Test
	void futureTimestampsDoNotKeepASensorOnline() {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant now = Instant.now();
		store.append(List.of(sensor.at(now.plus(1, ChronoUnit.DAYS), 1))).join();

		assertThat(online.lastSeen(sensor.id()).orElseThrow()).isBefore(now.plusSeconds(60));
		assertThat(online.isOnline(sensor.id(), now.plusSeconds(600))).isFalse();
	}
}
