package io.vigil.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.vigil.ingest.IngestTest;
import io.vigil.ingest.TestEnterprise;
import io.vigil.registry.SensorCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real MQTT clients against the embedded broker of the running application. */
@IngestTest
class EmbeddedBrokerTests {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedBroker broker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SensorCatalog catalog;

	TestEnterprise plant;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void enterprise() {
		plant = TestEnterprise.in(port, jdbc, catalog).sensors("gas1").create();
	}

	@Test
	void storesReadingsBeforeAcknowledgingAQos1Publish() {
		Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("t-" + UUID.randomUUID())
			.serverHost("127.0.0.1").serverPort(broker.port()).simpleAuth().username(plant.code())
			.password(plant.key().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
		client.connect();
		try {
			Mqtt5PublishResult result = client.publish(com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish
				.builder().topic("vigil/" + plant.code() + "/readings").qos(MqttQos.AT_LEAST_ONCE)
				.payload(body(now.minusSeconds(10), 4.5) .getBytes(StandardCharsets.UTF_8)).build());

			assertThat(result.getError()).isEmpty();
			// No waiting: the PUBACK is the promise that the reading is already durable.
			assertThat(plant.stored("gas1")).containsExactly(now.minusSeconds(10) + "=4.5/N");
		}
		finally {
			client.disconnect();
		}
	}

	@Test
	void refusesAWrongPasswordAndAnotherEnterprisesName() {
		TestEnterprise other = TestEnterprise.in(port, jdbc, catalog).create();

		assertThatThrownBy(() -> mqtt3(plant.code(), "vk_wrong").connect().get(10, TimeUnit.SECONDS))
			.hasCauseInstanceOf(Mqtt3ConnAckException.class);
		assertThatThrownBy(() -> mqtt3(other.code(), plant.key()).connect().get(10, TimeUnit.SECONDS))
			.hasCauseInstanceOf(Mqtt3ConnAckException.class);
	}

	@Test
	void refusesPublishingOnAnotherEnterprisesTopic() {
		TestEnterprise other = TestEnterprise.in(port, jdbc, catalog).sensors("gas1").create();
		Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("t-" + UUID.randomUUID())
			.serverHost("127.0.0.1").serverPort(broker.port()).simpleAuth().username(plant.code())
			.password(plant.key().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
		client.connect();
		try {
			assertThatThrownBy(() -> client.publishWith().topic("vigil/" + other.code() + "/readings")
				.qos(MqttQos.AT_LEAST_ONCE).payload(body(now, 1.0).replace(plant.code(), other.code())
					.getBytes(StandardCharsets.UTF_8)).send())
				.isInstanceOfSatisfying(Mqtt5PubAckException.class, e -> assertThat(e.getMqttMessage().getReasonCode())
					.isEqualTo(com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
			assertThat(other.count("gas1")).isZero();
		}
		finally {
			client.disconnect();
		}
	}

	/**
	 * 20,000 QoS 1 messages from 20 gateways at once. The broker runs each client's messages through the durable
	 * interceptor one at a time (it keeps them in order), so a single client gets about one message per commit;
	 * many clients, or many readings per message, are what make MQTT fast.
	 */
	@Test
	void storesEveryMessageOfABurstExactlyOnce() throws Exception {
		int clients = 20;
		int perClient = 1_000;
		List<Mqtt3AsyncClient> gateways = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Mqtt3AsyncClient client = mqtt3(plant.code(), plant.key());
			client.connect().get(10, TimeUnit.SECONDS);
			gateways.add(client);
		}
		long started = System.nanoTime();
		List<CompletableFuture<?>> acks = new ArrayList<>(clients * perClient);
		for (int i = 0; i < perClient; i++) {
			for (int c = 0; c < clients; c++) {
				int n = c * perClient + i;
				acks.add(gateways.get(c).publishWith().topic("vigil/" + plant.code() + "/readings")
					.qos(MqttQos.AT_LEAST_ONCE).payload(body(now.minusSeconds(n), n).getBytes(StandardCharsets.UTF_8))
					.send());
			}
		}
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - started) / 1e9;
		for (Mqtt3AsyncClient client : gateways) {
			client.disconnect().get(10, TimeUnit.SECONDS);
		}

		System.out.printf("MQTT burst: %d QoS 1 messages from %d clients acknowledged in %.1f s (%.0f msg/s)%n",
				clients * perClient, clients, seconds, clients * perClient / seconds);
		assertThat(plant.count("gas1")).isEqualTo(clients * perClient);
		assertThat(jdbc.sql("""
				select count(distinct r.ts) from readings r join sensors s on s.id = r.sensor_id where s.code = :code""")
			.param("code", plant.sensor("gas1")).query(Long.class).single()).isEqualTo(clients * perClient);
	}

	private Mqtt3AsyncClient mqtt3(String username, String password) {
		return Mqtt3Client.builder().identifier("t-" + UUID.randomUUID()).serverHost("127.0.0.1")
			.serverPort(broker.port()).simpleAuth().username(username)
			.password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildAsync();
	}

	private String body(Instant ts, double value) {
		return "{\"readings\":[{\"sensor\":\"" + plant.sensor("gas1") + "\",\"ts\":\"" + ts + "\",\"value\":" + value
				+ ",\"flag\":\"N\"}]}";
	}
}
