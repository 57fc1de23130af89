package io.vigil.ingest.mqtt;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vigil.ingest.IngestSettings;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Sender;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Vigil as a client of an external broker (EMQX, Mosquitto): a shared subscription
 * {@code $share/<group>/vigil/+/readings}, so that several Vigil nodes split the load, with manual
 * acknowledgement: a message is acknowledged only after its readings are durable. With a configured
 * {@code client-id} the session is persistent (clean start off), so the broker delivers unacknowledged messages
 * again after a crash; without one, the broker redelivers them to the group's other members.
 *
 * <p>Here the broker authenticates the publishers, so Vigil cannot check the API key; it checks instead that the
 * topic names an existing enterprise and (as always) that every sensor belongs to it. The broker's ACL must allow
 * each enterprise only its own topic.
 */
public class ExternalBrokerSubscription implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ExternalBrokerSubscription.class);

	private final IngestSettings.Mqtt settings;

	private final MqttMessages messages;

	private final Organisations organisations;

	private volatile Mqtt5AsyncClient client;

	ExternalBrokerSubscription(IngestSettings settings, MqttMessages messages, Organisations organisations) {
		this.settings = settings.mqtt();
		this.messages = messages;
		this.organisations = organisations;
	}

	@Override
	public synchronized void start() {
		URI url = URI.create(settings.externalUrl());
		// A persistent session needs a stable identity: with a generated one, every restart would leave a dead
		// member in the shared group that the broker keeps handing messages to.
		boolean persistent = settings.clientId() != null && !settings.clientId().isBlank();
		String id = persistent ? settings.clientId() : "vigil-" + UUID.randomUUID().toString().substring(0, 8);
		Mqtt5ClientBuilder builder = Mqtt5Client.builder().identifier(id).serverHost(url.getHost())
			.serverPort(url.getPort() < 0 ? 1883 : url.getPort()).automaticReconnectWithDefaultConfig();
		if ("ssl".equals(url.getScheme()) || "mqtts".equals(url.getScheme())) {
			builder = builder.sslWithDefaultConfig();
		}
		if (settings.username() != null && !settings.username().isBlank()) {
			builder = builder.simpleAuth().username(settings.username())
				.password(Optional.ofNullable(settings.password()).orElse("").getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth();
		}
		Mqtt5AsyncClient created = builder.buildAsync();
		created.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::receive, true);
		try {
			created.connectWith().cleanStart(!persistent).sessionExpiryInterval(persistent ? TimeUnit.DAYS.toSeconds(1) : 0)
				.restrictions().receiveMaximum(Math.min(65535, settings.maxInflight())).applyRestrictions()
				.send().get(30, TimeUnit.SECONDS);
			created.subscribeWith().topicFilter("$share/" + settings.shareGroup() + "/" + ReadingTopic.FILTER)
				.qos(MqttQos.AT_LEAST_ONCE).send().get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot subscribe at the external MQTT broker " + settings.externalUrl(), e);
		}
		client = created;
		log.info("Subscribed to $share/{}/{} at {} as {}", settings.shareGroup(), ReadingTopic.FILTER,
				settings.externalUrl(), id);
	}

	private void receive(Mqtt5Publish publish) {
		String code = ReadingTopic.enterprise(publish.getTopic().toString());
		Optional<Organisation> enterprise = code == null ? Optional.empty()
				: organisations.findByCode(code).filter(Organisation::isEnterprise);
		if (enterprise.isEmpty()) {
			messages.refuse(null, RejectCode.UNAUTHORIZED, "topic " + publish.getTopic() + " names no enterprise",
					publish.getPayload().orElse(java.nio.ByteBuffer.allocate(0)));
			publish.acknowledge();
			return;
		}
		Sender sender = new Sender(enterprise.get().id(), enterprise.get().code());
		messages.handle(sender, publish.getPayload().orElse(java.nio.ByteBuffer.allocate(0)))
			.whenComplete((result, failure) -> {
				if (failure == null) {
					publish.acknowledge();
				}
				else {
					// Unacknowledged: the broker delivers it again after reconnecting (here or to another node).
					log.warn("Message on {} not stored, reconnecting to have it redelivered: {}", publish.getTopic(),
							failure.toString());
					Mqtt5AsyncClient current = client;
					if (current != null) {
						current.disconnect();
					}
				}
			});
	}

	@Override
	public synchronized void stop() {
		Mqtt5AsyncClient running = client;
		client = null;
		if (running != null) {
			try {
				running.disconnect().get(10, TimeUnit.SECONDS);
			}
			catch (Exception e) {
				log.warn("Disconnecting from the external MQTT broker failed: {}", e.toString());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return client != null;
	}
}
