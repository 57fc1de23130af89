package io.vigil.ingest.hj212;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import io.vigil.platform.ConflictException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.PlatformSettings;
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
 *
 * <p>Every frame must carry the {@code PW} configured for its MN in the {@link Hj212Mapping}; other frames are
 * quarantined as unauthorised and not answered. The mapping is the inline {@code vigil.ingest.hj212.mapping} lines
 * plus the mapping file ({@code vigil.ingest.hj212.mapping-file}, by default {@code hj212-mapping.csv} in the data
 * directory, optional there), and {@link #reloadMapping()} re-reads it while frames keep flowing.
 */
@Component
public class Hj212Ingest implements SmartLifecycle, Hj212Sink, Hj212Authenticator {

	/** The mapping file's name in the data directory when {@code vigil.ingest.hj212.mapping-file} is not set. */
	public static final String DEFAULT_MAPPING_FILE = "hj212-mapping.csv";

	private static final Logger log = LoggerFactory.getLogger(Hj212Ingest.class);

	private final IngestSettings settings;

	private final IngestService ingest;

	private final SensorCatalog catalog;

	private final MeterRegistry meters;

	private final Hj212MappingSource source;

	private volatile Hj212Server server;

	// Swapped whole by a reload; each frame reads it once per use, so a reload never shows a half-built mapping.
	private volatile Hj212Mapping mapping = Hj212Mapping.parse(List.of());

	Hj212Ingest(IngestSettings settings, PlatformSettings platform, IngestService ingest, SensorCatalog catalog,
			MeterRegistry meters) {
		this.settings = settings;
		this.ingest = ingest;
		this.catalog = catalog;
		this.meters = meters;
		Path configured = settings.hj212().mappingFile();
		Path file = configured != null ? configured : platform.dataDir().resolve(DEFAULT_MAPPING_FILE);
		// Only the default file is optional: a file someone named and that is not there is a mistake.
		this.source = new Hj212MappingSource(file, configured != null, settings.hj212().mapping());
	}

	@Override
	public Optional<Hj212Denial> check(Hj212Header header) {
		return mapping.check(header);
	}

	@Override
	public Hj212Ack accept(Hj212Frame frame) {
		Hj212Conversion conversion = new Hj212ReadingConverter(mapping).convert(frame);
		String payload = Hj212Passwords.redact(frame.dataSegment());
		Optional<Sender> sender = sender(conversion.readings());
		Long enterpriseId = sender.map(Sender::enterpriseId).orElse(null);
		for (Hj212Rejection rejection : conversion.rejections()) {
			ingest.refuse(IngestChannel.HJ212, enterpriseId, code(rejection), rejection.item() + ": " + rejection.reason(),
					payload);
		}
		if (sender.isEmpty()) {
			for (Hj212Reading reading : conversion.readings()) {
				ingest.refuse(IngestChannel.HJ212, null, RejectCode.UNKNOWN_SENSOR, "MN " + frame.header().mn()
						+ " is mapped to sensor '" + reading.sensorCode() + "', which does not exist", payload);
			}
			return Hj212Ack.durable();
		}
		List<RawReading> items = new ArrayList<>(conversion.readings().size());
		conversion.readings().forEach(r -> items.add(RawReading.of(r.sensorCode(), r.timestamp(), r.value(), r.flag())));
		try {
			IngestResult result = ingest.ingest(IngestChannel.HJ212, sender.get(), items, settings.ackTimeout(), payload)
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
		// A bad mapping at startup stops Vigil: better than a server that refuses every logger without saying why.
		install(source.load(), "loaded");
		Hj212ServerSettings serverSettings = Hj212ServerSettings.defaults().withPort(hj212.port())
			.withMaxConnections(hj212.maxConnections()).withIdleTimeout(hj212.idleTimeout());
		Hj212Server created = new Hj212Server(serverSettings, this, this, new Hj212Refusals(ingest, this::enterpriseOf));
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
		log.info("HJ 212 server on port {} with {} mapped codes of {} data loggers", created.port(), mapping.size(),
				mapping.loggers());
	}

	/**
	 * Re-reads the mapping (inline lines and file) and puts it in force for the next frame; connections stay open.
	 * @throws InvalidInputException naming the file and the faulty line; the mapping in force is kept
	 * @throws ConflictException when the HJ 212 channel is disabled
	 */
	public synchronized MappingLoaded reloadMapping() {
		if (!settings.hj212().enabled()) {
			throw new ConflictException("hj212", "the HJ 212 channel is disabled (vigil.ingest.hj212.enabled=false)");
		}
		Hj212Mapping loaded;
		try {
			loaded = source.load();
		}
		catch (IllegalArgumentException | UncheckedIOException e) {
			log.error("HJ 212 mapping NOT reloaded, the previous one ({} codes of {} loggers) stays in force: {}",
					mapping.size(), mapping.loggers(), e.getMessage());
			throw new InvalidInputException("mapping-file", e.getMessage() + "; the previous mapping stays in force");
		}
		return install(loaded, "reloaded");
	}

	/**
	 * What a reload put in force.
	 * @param file the mapping file read (absent files count as empty when it is the default one)
	 * @param loggers data loggers configured
	 * @param codes (MN, code) mappings
	 * @param loggersWithoutPassword MNs with sensors but no password, whose frames will all be refused
	 */
	public record MappingLoaded(String file, int loggers, int codes, Set<String> loggersWithoutPassword) {
	}

	private MappingLoaded install(Hj212Mapping loaded, String verb) {
		mapping = loaded;
		Set<String> unprotected = loaded.loggersWithoutPassword();
		log.info("HJ 212 mapping {} from {} and {} inline lines: {} codes of {} data loggers", verb, source.file(),
				source.inline().size(), loaded.size(), loaded.loggers());
		if (!unprotected.isEmpty()) {
			log.warn("HJ 212 data loggers with sensors but no password; their frames will be refused until a line "
					+ "MN,PW=<password> is added: {}", unprotected);
		}
		return new MappingLoaded(source.file().toString(), loaded.loggers(), loaded.size(), unprotected);
	}

	private Long enterpriseOf(String mn) {
		for (String sensor : mapping.sensors(mn)) {
			Optional<SensorInfo> info = catalog.byCode(sensor);
			if (info.isPresent()) {
				return info.get().enterpriseId();
			}
		}
		return null;
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
		for (Hj212Denial.Reason reason : Hj212Denial.Reason.values()) {
			FunctionCounter.builder("vigil.ingest.hj212.denied", counters, c -> c.framesDenied(reason))
				.tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
		}
		Gauge.builder("vigil.ingest.hj212.connections", this, ingest -> {
			Hj212Server running = ingest.server;
			return running == null ? 0 : running.openConnections();
		}).register(meters);
	}
}
