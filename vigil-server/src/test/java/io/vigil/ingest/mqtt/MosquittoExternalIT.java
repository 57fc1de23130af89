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

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.vigil.VigilTest;
import io.vigil.ingest.Eventually;
import io.vigil.ingest.TestEnterprise;
import io.vigil.registry.SensorCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vigil subscribed (shared subscription, manual acknowledgement) at the Mosquitto server on 127.0.0.1:1883
 * (anonymous access), a publisher sending QoS 1 readings there. Needs that server: runs in the {@code external}
 * profile only.
 */
@VigilTest
@TestPropertySource(properties = { "vigil.ingest.mqtt.external-url=tcp://127.0.0.1:1883",
		"vigil.ingest.mqtt.share-group=it-${random.uuid}", "vigil.ingest.hj212.port=0" })
class MosquittoExternalIT {

	@LocalServerPort
	int port;

	@Autowired
	ExternalBrokerSubscription subscription;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SensorCatalog catalog;

	@Test
	void storesQos1MessagesPublishedAtTheExternalBrokerExactlyOnce() throws Exception {
		TestEnterprise plant = TestEnterprise.in(port, jdbc, catalog).sensors("gas1").create();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		// Mosquitto's stock max_queued_messages (1000) would drop beyond its queue, so the burst stays below it.
		int messages = 500;
		Mqtt5AsyncClient publisher = Mqtt5Client.builder().identifier("pub-" + UUID.randomUUID())
			.serverHost("127.0.0.1").serverPort(1883).buildAsync();
		publisher.connect().get(10, TimeUnit.SECONDS);
		List<CompletableFuture<?>> sent = new ArrayList<>();
		for (int i = 0; i < messages; i++) {
			sent.add(publisher.publishWith().topic("vigil/" + plant.code() + "/readings").qos(MqttQos.AT_LEAST_ONCE)
				.payload(("{\"readings\":[{\"sensor\":\"" + plant.sensor("gas1") + "\",\"ts\":\"" + now.minusSeconds(i)
						+ "\",\"value\":" + i + "}]}").getBytes(StandardCharsets.UTF_8))
				.send());
		}
		CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		publisher.disconnect().get(10, TimeUnit.SECONDS);

		Eventually.within(Duration.ofSeconds(60), () -> assertThat(plant.count("gas1")).isEqualTo(messages));
		assertThat(subscription.isRunning()).isTrue();
	}
}
