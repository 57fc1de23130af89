package io.vigil.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a fleet seeded straight into the database (no registry event) takes to be judged: seeds
 * {@code sensors} combustible-gas sensors the way {@link HttpLoad} does, then at once posts two readings of
 * 40 %LEL (above the first alarm) for the newest one and polls the warning API until its threshold warning is
 * there. One round per fleet size in {@code sensors}, so later rounds add to a registry that already holds the
 * earlier fleets.
 *
 * <pre>
 * java -cp $CP io.vigil.bench.ingest.NewFleetBench vigil=http://localhost:18280 \
 *   vigil-jdbc='jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres' sensors=100000,100000,1000
 * </pre>
 */
public final class NewFleetBench {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private NewFleetBench() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new HashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			a.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		String vigil = a.get("vigil");
		String[] fleets = a.getOrDefault("sensors", "100000,100000,1000").split(",");
		String token = login(vigil, a.getOrDefault("admin", "admin"), a.getOrDefault("admin-password", "admin-password"));
		HttpLoad seeder = new HttpLoad(vigil, a.get("vigil-jdbc"), 1, 1, 0);
		for (int round = 1; round <= fleets.length; round++) {
			int sensors = Integer.parseInt(fleets[round - 1].trim());
			long started = System.nanoTime();
			HttpLoad.Seeded fleet = seeder.seed(sensors);
			double seeded = (System.nanoTime() - started) / 1e9;
			String probe = fleet.codes()[sensors - 1];
			long committed = System.nanoTime();
			Instant now = Instant.now();
			String body = "{\"readings\":[" + reading(probe, now, 40) + "," + reading(probe, now.plusMillis(1), 41) + "]}";
			HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(URI.create(vigil + "/api/v1/readings"))
				.header("X-Api-Key", fleet.key()).header("Content-Type", "application/json")
				.timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (sent.statusCode() != 202) {
				throw new IllegalStateException("readings refused: " + sent.statusCode() + " " + sent.body());
			}
			double accepted = (System.nanoTime() - committed) / 1e9;
			while (!warned(vigil, token, probe)) {
				if (System.nanoTime() - committed > Duration.ofMinutes(15).toNanos()) {
					throw new IllegalStateException("no warning for " + probe + " after 15 min");
				}
				Thread.sleep(100);
			}
			double judged = (System.nanoTime() - committed) / 1e9;
			System.out.printf("round %d: %,d sensors seeded in %.1f s; readings of the newest accepted after %.2f s; "
					+ "its warning listed %.2f s after the seed committed%n", round, sensors, seeded, accepted, judged);
		}
	}

	private static String reading(String sensor, Instant ts, double value) {
		return "{\"sensor\":\"" + sensor + "\",\"ts\":\"" + ts + "\",\"value\":" + value + ",\"flag\":\"N\"}";
	}

	private static boolean warned(String vigil, String token, String sensor) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(vigil + "/api/v1/warnings?state=active&sensor=" + sensor))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
		return r.statusCode() == 200 && r.body().contains("\"threshold\"");
	}

	private static String login(String vigil, String user, String password) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(vigil + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher m = TOKEN.matcher(r.body());
		if (!m.find()) {
			throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
		}
		return m.group(1);
	}
}
