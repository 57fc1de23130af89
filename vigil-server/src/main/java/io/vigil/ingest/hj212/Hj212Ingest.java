package io.vigil.ingest.hj212;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestResult;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.IngestSettings;
import io.vigil.ingest.RawReading;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Sender;
import io.vigil.registry.SensorCatalog;
import io.vigil.registry.SensorInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link Hj212Server} on {@code vigil.ingest.hj212.port} and feeds its frames into the common ingest
 * path. The data logger's enterprise is the one owning the sensors its MN is mapped to. A frame is confirmed
 * (9014, when its Flag asks) once its readings are durable; values that can never be stored (unmapped codes,
 * unknown sensors, implausible times) are quarantined and the frame is still confirmed, because resending would
 * not help. Only when the store cannot take the readings within {@code vigil.ingest.ack-timeout} is the frame left
 * unconfirmed, for the logger to resend; meanwhile the connection thread waits, which slows that logger down.
 */
@Component
public class Hj212Ingest implements SmartLifecycle, Hj212Sink {

	private static final Logger log = LoggerFactory.getLogger(Hj212Ingest.class);

	private final IngestSettings settings;

	private final IngestService ingest;

	private final SensorCatalog catalog;

	private final MeterRegistry meters;

	private volatile Hj212Server server;

	private volatile Hj212ReadingConverter converter;

	Hj212Ingest(IngestSettings settings, IngestService ingest, SensorCatalog catalog, MeterRegistry meters) {
		this.settings = settings;
		this.ingest = ingest;
		this.catalog = catalog;
		this.meters = meters;
	}

	@Override
	public Hj212Ack accept(Hj212Frame frame) {
		Hj212Conversion conversion = converter.convert(frame);
		Optional<Sender> sender = sender(conversion.readings());
		Long enterpriseId = sender.map(Sender::enterpriseId).orElse(null);
		for (Hj212Rejection rejection : conversion.rejections()) {
			ingest.refuse(IngestChannel.HJ212, enterpriseId, code(rejection), rejection.item() + ": " + rejection.reason(),
					frame.dataSegment());
		}
		if (sender.isEmpty()) {
			for (Hj212Reading reading : conversion.readings()) {
				ingest.refuse(IngestChannel.HJ212, null, RejectCode.UNKNOWN_SENSOR, "MN " + frame.header().mn()
						+ " is mapped to sensor '" + reading.sensorCode() + "', which does not exist", frame.dataSegment());
			}
			return Hj212Ack.durable();
		}
		List<RawReading> items = new ArrayList<>(conversion.readings().size());
		conversion.readings().forEach(r -> items.add(RawReading.of(r.sensorCode(), r.timestamp(), r.value(), r.flag())));
		try {
			IngestResult result = ingest.ingest(IngestChannel.HJ212, sender.get(), items, settings.ackTimeout(), frame.dataSegment())
				.get(settings.ackTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
			log.debug("HJ 212 frame of MN {}: {} stored, {} refused", frame.header().mn(), result.accepted(),
					result.rejected().size());
			return Hj212Ack.durable();
		}
		catch (ExecutionException | TimeoutException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			return Hj212Ack.rejected("not stored, the logger should resend: " + cause.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Hj212Ack.rejected("the server is stopping");
		}
	}

	/** The bound port (useful when configured as 0); -1 when the server does not run. */
	public int port() {
		Hj212Server running = server;
		return running == null ? -1 : running.port();
	}

	@Override
	public synchronized void start() {
		IngestSettings.Hj212 hj212 = settings.hj212();
		if (!hj212.enabled() || server != null) {
			return;
		}
		Hj212Mapping mapping = mapping(hj212);
		converter = new Hj212ReadingConverter(mapping);
		Hj212ServerSettings serverSettings = Hj212ServerSettings.defaults().withPort(hj212.port())
			.withMaxConnections(hj212.maxConnections()).withIdleTimeout(hj212.idleTimeout());
		Hj212Server created = new Hj212Server(serverSettings, this, new Hj212Refusals(ingest));
		try {
			created.start();
		}
		catch (IOException e) {
			// Keep the rest of the platform running (HTTP and MQTT still take data), but say so loudly.
			log.error("HJ 212 server NOT started: cannot listen on port {} ({}). Free the port or set "
					+ "--vigil.ingest.hj212.port=N (0 = any free port)", hj212.port(), e.getMessage());
			return;
		}
		server = created;
		bindMetrics(created.counters());
		log.info("HJ 212 server on port {} with {} mapped codes", created.port(), mapping.size());
	}

	@Override
	public synchronized void stop() {
		Hj212Server running = server;
		if (running != null) {
			running.close();
			server = null;
		}
	}

	@Override
	public boolean isRunning() {
		return server != null;
	}

	private Optional<Sender> sender(List<Hj212Reading> readings) {
		for (Hj212Reading reading : readings) {
			Optional<SensorInfo> sensor = catalog.byCode(reading.sensorCode());
			if (sensor.isPresent()) {
				return Optional.of(new Sender(sensor.get().enterpriseId(), sensor.get().enterpriseCode()));
			}
		}
		return Optional.empty();
	}

	private static RejectCode code(Hj212Rejection rejection) {
		if (rejection.reason().startsWith("no sensor is mapped")) {
			return RejectCode.UNKNOWN_SENSOR;
		}
		return rejection.reason().contains("DataTime") ? RejectCode.MISSING_FIELD : RejectCode.UNREADABLE;
	}

	private static Hj212Mapping mapping(IngestSettings.Hj212 hj212) {
		List<String> lines = new ArrayList<>();
		if (hj212.mappingFile() != null) {
			try {
				lines.addAll(Files.readAllLines(hj212.mappingFile()));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read vigil.ingest.hj212.mapping-file " + hj212.mappingFile(), e);
			}
		}
		lines.addAll(hj212.mapping());
		return Hj212Mapping.parse(lines);
	}

	private void bindMetrics(Hj212Counters counters) {
		FunctionCounter.builder("vigil.ingest.hj212.frames", counters, Hj212Counters::framesAccepted)
			.tag("outcome", "accepted").register(meters);
		FunctionCounter.builder("vigil.ingest.hj212.frames", counters, Hj212Counters::framesRejected)
			.tag("outcome", "rejected").register(meters);
		FunctionCounter.builder("vigil.ingest.hj212.replies", counters, Hj212Counters::repliesSent).register(meters);
		FunctionCounter.builder("vigil.ingest.hj212.connections.refused", counters, Hj212Counters::connectionsRefused)
			.register(meters);
		for (Hj212Error.Reason reason : Hj212Error.Reason.values()) {
			FunctionCounter.builder("vigil.ingest.hj212.errors", counters, c -> c.errors(reason))
				.tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
		}
		Gauge.builder("vigil.ingest.hj212.connections", this, ingest -> {
			Hj212Server running = ingest.server;
			return running == null ? 0 : running.openConnections();
		}).register(meters);
	}
}
