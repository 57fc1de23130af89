package io.vigil.ingest.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.IngestSettings;
import io.vigil.organisation.ApiKeys;
import io.vigil.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * HiveMQ Community Edition, in-process, on {@code vigil.ingest.mqtt.port}, with Vigil's authenticator and durable
 * publish interceptor installed as an embedded extension. Messages on readings topics are consumed by the
 * interceptor, so the broker's queues never hold them; the receive maximum bounds what each client has in flight.
 */
public class EmbeddedBroker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

	private final IngestSettings.Mqtt settings;

	private final Path folder;

	private final EnterpriseAuthenticator authenticator;

	private final DurablePublishInterceptor interceptor;

	private volatile EmbeddedHiveMQ broker;

	private volatile int port = -1;

	EmbeddedBroker(IngestSettings settings, PlatformSettings platform, ApiKeys keys, IngestService ingest,
			MqttMessages messages) {
		this.settings = settings.mqtt();
		this.folder = platform.dataDir().resolve("mqtt").toAbsolutePath();
		this.authenticator = new EnterpriseAuthenticator(keys, ingest);
		this.interceptor = new DurablePublishInterceptor(messages, settings.ackTimeout());
	}

	/** The port clients connect to; -1 before start. */
	public int port() {
		return port;
	}

	@Override
	public synchronized void start() {
		if (broker != null) {
			return;
		}
		if (settings.port() != 0 && !available(settings.host(), settings.port())) {
			// On a machine that already runs a broker on 1883 Vigil still starts (HTTP and HJ 212 take data),
			// but says loudly that its own broker is missing.
			log.error("Embedded MQTT broker NOT started: port {} is in use. Free the port, set "
					+ "--vigil.ingest.mqtt.port=N (0 = any free port), or point Vigil at that broker with "
					+ "--vigil.ingest.mqtt.external-url=tcp://host:port", settings.port());
			return;
		}
		try {
			int chosen = settings.port() == 0 ? freePort() : settings.port();
			Path config = Files.createDirectories(folder.resolve("conf"));
			Files.writeString(config.resolve("config.xml"), configXml(chosen));
			EmbeddedHiveMQ created = EmbeddedHiveMQ.builder()
				.withConfigurationFolder(config)
				.withDataFolder(Files.createDirectories(folder.resolve("data")))
				.withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
				.withoutLoggingBootstrap()
				.withEmbeddedExtension(EmbeddedExtension.builder().withId("vigil-ingest").withName("Vigil ingest")
					.withVersion("1").withPriority(1000).withStartPriority(1000).withExtensionMain(new Main()).build())
				.build();
			created.start().get(60, TimeUnit.SECONDS);
			broker = created;
			port = chosen;
			log.info("Embedded MQTT broker listening on {}:{}", settings.host(), chosen);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot prepare the MQTT broker's folder " + folder, e);
		}
		catch (Exception e) {
			throw new IllegalStateException("the embedded MQTT broker did not start on port " + settings.port(), e);
		}
	}

	@Override
	public synchronized void stop() {
		EmbeddedHiveMQ running = broker;
		broker = null;
		if (running != null) {
			try {
				running.stop().get(30, TimeUnit.SECONDS);
				running.close();
			}
			catch (Exception e) {
				log.warn("The embedded MQTT broker did not stop cleanly: {}", e.toString());
			}
		}
	}

	@Override
	public boolean isRunning() {
		return broker != null;
	}

	private String configXml(int port) {
		return """
				<?xml version="1.0"?>
				<hivemq>
				  <listeners>
				    <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
				  </listeners>
				  <mqtt>
				    <receive-maximum><server-receive-maximum>%d</server-receive-maximum></receive-maximum>
				  </mqtt>
				  <persistence><mode>in-memory</mode></persistence>
				  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
				</hivemq>
				""".formatted(port, settings.host(), Math.min(65535, Math.max(1, settings.maxInflight())));
	}

	private static boolean available(String host, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(host == null || host.isBlank() ? "0.0.0.0" : host, port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(0));
			return socket.getLocalPort();
		}
	}

	private final class Main implements ExtensionMain {

		@Override
		public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
			Services.securityRegistry().setAuthenticatorProvider(provider -> authenticator);
			Services.initializerRegistry()
				.setClientInitializer((initializer, client) -> client.addPublishInboundInterceptor(interceptor));
		}

		@Override
		public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
		}
	}
}
