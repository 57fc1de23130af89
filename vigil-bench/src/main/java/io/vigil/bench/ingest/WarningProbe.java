package io.vigil.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warning latency: how long after a reading that confirms an alarm the warning is visible through the API. Each
 * probe uses a fresh combustible-gas sensor (alarm at 25 %LEL, confirmed by the second reading above it): it posts
 * one reading of 40 %LEL, waits for the acknowledgement, then starts the clock, posts the confirming second reading
 * and polls {@code GET /api/v1/warnings?state=active&sensor=<code>} until the threshold warning is there. A fresh
 * sensor per probe leaves no warning to clear and no on-delay state behind.
 *
 * <p>The probe sensors, their enterprise and its API key are created through the REST API as an administrator,
 * the way an operator would, before the load starts: creating sensors changes the registry, and the rule rebuild
 * that follows belongs to the fleet's set-up, not to the measured load.
 */
final class WarningProbe {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");

	private static final String ENTERPRISE = "bench-probe";

	private static final String REGION = "bench-region";

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	private final String token;

	private final String key;

	private final List<String> sensors = new ArrayList<>();

	private int used;

	/** Logs in as {@code admin}, creates the probe enterprise (once) and a fresh API key for it. */
	WarningProbe(String baseUrl, String admin, String password) throws Exception {
		this.baseUrl = baseUrl;
		this.token = match(TOKEN, login(admin, password));
		HttpResponse<String> existing = send("GET", "/api/v1/organisations/" + ENTERPRISE, token, null);
		if (existing.statusCode() == 404) {
			// An enterprise belongs to a region.
			if (send("GET", "/api/v1/organisations/" + REGION, token, null).statusCode() == 404) {
				call("POST", "/api/v1/organisations", token, "{\"code\":\"" + REGION
						+ "\",\"name\":\"Benchmark region\",\"kind\":\"region\"}", 201);
			}
			call("POST", "/api/v1/organisations", token, "{\"code\":\"" + ENTERPRISE
					+ "\",\"name\":\"Benchmark warning probes\",\"kind\":\"enterprise\",\"parent\":\"" + REGION
					+ "\"}", 201);
		}
		this.key = match(SECRET, call("POST", "/api/v1/enterprises/" + ENTERPRISE + "/api-keys", token,
				"{\"name\":\"bench probe " + UUID.randomUUID().toString().substring(0, 6) + "\"}", 201));
	}

	/** Vigil creates the first administrator just after it starts serving: wait for it a little. */
	private String login(String admin, String password) throws Exception {
		String body = "{\"username\":\"" + admin + "\",\"password\":\"" + password + "\"}";
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = send("POST", "/api/v1/auth/login", null, body);
			if (response.statusCode() == 200 || attempt == 30) {
				return response.body();
			}
			Thread.sleep(1000);
		}
	}

	/** Creates {@code count} fresh probe sensors for the coming measurements. */
	void prepare(int count) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < count; i++) {
			String code = "probe-" + run + "-" + i;
			call("POST", "/api/v1/sensors", token, "{\"code\":\"" + code + "\",\"name\":\"" + code
					+ "\",\"type\":\"combustible_gas\",\"enterprise\":\"" + ENTERPRISE
					+ "\",\"intervalSeconds\":86400}", 201); // daily: no interruption warning while it waits its turn
			sensors.add(code);
		}
	}

	/**
	 * Vigil's count of stored readings that detection did not judge because its hand-off stayed full (they are
	 * stored, but no rule saw them): what falling behind the load costs.
	 */
	long notJudged() throws Exception {
		String body = call("GET", "/actuator/metrics/vigil.detection.readings.dropped", token, null, 200);
		Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.E]+)").matcher(body);
		return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
	}

	boolean exhausted() {
		return used >= sensors.size();
	}

	/**
	 * One probe on the next fresh sensor; returns the nanoseconds from sending the confirming reading until the
	 * warning is listed as active, or -1 if it did not appear within {@code limit}.
	 */
	long measure(Duration limit) throws Exception {
		String code = sensors.get(used++);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		push(code, now.minusSeconds(1));
		long started = System.nanoTime();
		push(code, now);
		long deadline = started + limit.toNanos();
		while (System.nanoTime() < deadline) {
			String page = call("GET", "/api/v1/warnings?state=active&sensor=" + code, token, null, 200);
			if (page.contains("\"ruleKind\":\"threshold\"")) {
				return System.nanoTime() - started;
			}
			Thread.sleep(20);
		}
		return -1;
	}

	private void push(String code, Instant ts) throws Exception {
		String body = "{\"readings\":[{\"sensor\":\"" + code + "\",\"ts\":\"" + ts + "\",\"value\":40.0}]}";
		while (true) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/readings"))
				.header("Content-Type", "application/json").header("X-Api-Key", key)
				.POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 503) {
				Thread.sleep(50); // store full: send again, as the load does
				continue;
			}
			if (response.statusCode() != 202 || !response.body().contains("\"accepted\":1")) {
				throw new IllegalStateException("probe reading answered " + response.statusCode() + ": " + response.body());
			}
			return;
		}
	}

	private String call(String method, String path, String bearer, String json, int expected) throws Exception {
		HttpResponse<String> response = send(method, path, bearer, json);
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	private HttpResponse<String> send(String method, String path, String bearer, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String match(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("unexpected answer: " + text);
		}
		return m.group(1);
	}
}
