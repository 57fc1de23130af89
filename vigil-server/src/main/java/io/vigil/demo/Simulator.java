package io.vigil.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.RawReading;
import io.vigil.ingest.Sender;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.registry.Sensor;
import io.vigil.registry.SensorQuery;
import io.vigil.registry.SensorRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps live readings flowing for the demo through the same ingest path as real gateways: plausible
 * values with noise for every demo sensor, and now and then a staged incident (combustible gas rising
 * at a valve chamber past the first alarm set point) so that warnings appear on their own.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "vigil.demo", havingValue = "true")
class Simulator implements ApplicationRunner, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Simulator.class);

	private static final CurrentUser SYSTEM = new CurrentUser(0, "simulator", "simulator", Role.PLATFORM_ADMIN, null,
			DataScope.EVERYTHING);

	private final BinhaiDemo demo;

	private final SensorRegistry sensors;

	private final Organisations organisations;

	private final IngestService ingest;

	private final DemoSettings settings;

	private final Clock clock;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "demo-simulator");
		thread.setDaemon(true);
		return thread;
	});

	private final Random random = new Random(20260101);

	private final List<Source> sources = new ArrayList<>();

	private record Source(Sender sender, List<Sensor> sensors) {
	}

	Simulator(BinhaiDemo demo, SensorRegistry sensors, Organisations organisations, IngestService ingest,
			DemoSettings settings, Clock clock) {
		this.demo = demo;
		this.sensors = sensors;
		this.organisations = organisations;
		this.ingest = ingest;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String enterprise : demo.loadIfAbsent()) {
			long id = organisations.findByCode(enterprise).orElseThrow().id();
			List<Sensor> own = sensors.list(SYSTEM, new SensorQuery(enterprise, null, null, 0, 10_000)).items();
			sources.add(new Source(new Sender(id, enterprise), own));
		}
		long period = settings.interval().toMillis();
		timer.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MILLISECONDS);
		log.info("Demo simulator started: {} sensors every {} s. Demo users (password 'demo'): admin, duty, binhai, "
				+ "tanggu, hazchem, and one per enterprise ({})", sources.stream().mapToInt(s -> s.sensors().size()).sum(),
				settings.interval().toSeconds(), sources.stream().map(s -> s.sender().enterpriseCode()).toList());
	}

	private void tick() {
		try {
			Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
			for (Source source : sources) {
				List<RawReading> readings = new ArrayList<>(source.sensors().size());
				for (Sensor sensor : source.sensors()) {
					readings.add(RawReading.of(sensor.code(), now, value(sensor, now), "N"));
				}
				ingest.ingest(IngestChannel.HTTP, source.sender(), readings).exceptionally(failure -> {
					log.debug("Simulated readings not stored this time: {}", failure.getMessage());
					return null;
				});
			}
		}
		catch (RuntimeException e) {
			log.warn("Simulator tick failed; continuing", e);
		}
	}

	/** A plausible value for the sensor's type at this instant. */
	double value(Sensor sensor, Instant now) {
		double day = Math.sin(2 * Math.PI * (now.getEpochSecond() % 86_400) / 86_400.0);
		double noise = random.nextGaussian();
		String code = sensor.code();
		return switch (sensor.type()) {
			case "pressure" -> round((code.endsWith("-PO") ? 3.70 : 4.00) - 0.15 * leak(sensor, now) + 0.01 * noise, 3);
			case "flow" -> round(code.endsWith("-FO") ? 798 - 20 * leak(sensor, now) + 2 * noise : 800 + 2 * noise, 1);
			case "temperature" -> round(18 + 4 * day + 0.2 * noise, 2);
			case "combustible_gas" -> round(Math.max(0, incidentGas(sensor, now) + 0.8 + 0.4 * noise), 1);
			case "toxic_gas" -> round(Math.max(0, 3 + noise), 1);
			case "oxygen" -> round(20.9 + 0.05 * noise, 2);
			case "vibration" -> round(Math.max(0, 0.5 + 0.1 * noise), 2);
			case "cathodic_protection" -> round(-1.00 + 0.01 * noise, 3);
			case "liquid_level" -> round(12 + 0.5 * day + 0.01 * noise, 3);
			default -> round(1 + 0.1 * noise, 3);
		};
	}

	/**
	 * One valve chamber at a time, in turn, sees combustible gas rise to about 35 %LEL for four minutes in
	 * every incident period: above the 25 %LEL first alarm of GB/T 50493-2019, below the second.
	 */
	private double incidentGas(Sensor sensor, Instant now) {
		long every = settings.incidentEvery().toSeconds();
		if (every <= 0 || !sensor.code().contains("-VC")) {
			return 0;
		}
		long period = now.getEpochSecond() / every;
		List<Sensor> chambers = sources.stream().flatMap(s -> s.sensors().stream())
			.filter(s -> s.code().contains("-VC") && s.type().equals("combustible_gas")).toList();
		if (chambers.isEmpty() || !chambers.get((int) (period % chambers.size())).code().equals(sensor.code())) {
			return 0;
		}
		long into = now.getEpochSecond() % every;
		return into < 60 ? 35.0 * into / 60 : into < 300 ? 35.0 : 0;
	}

	/**
	 * Half an incident period after each gas incident, one pipeline segment in turn leaks for four minutes:
	 * 0 before, rising to 1 over the first minute. Both end pressures sag and about 20 m³/h go missing between
	 * the flow meters, which the segment's mass-balance rule grades orange.
	 */
	private double leak(Sensor sensor, Instant now) {
		long every = settings.incidentEvery().toSeconds();
		String segment = sensor.asset();
		if (every <= 0 || segment == null || !segment.matches(".*-S\\d+")) {
			return 0;
		}
		long shifted = now.getEpochSecond() + every / 2;
		List<String> segments = sources.stream().flatMap(s -> s.sensors().stream()).map(Sensor::asset)
			.filter(a -> a != null && a.matches(".*-S\\d+")).distinct().sorted().toList();
		if (!segments.get((int) ((shifted / every) % segments.size())).equals(segment)) {
			return 0;
		}
		long into = shifted % every;
		return into < 60 ? into / 60.0 : into < 300 ? 1 : 0;
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
