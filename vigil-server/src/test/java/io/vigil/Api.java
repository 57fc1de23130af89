package io.vigil;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP client for tests: JSON in, status and JSON out, optionally as a logged-in user
 * or with an enterprise API key.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;

	private final Map<String, String> headers;

	private Api(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	public static Api at(int port) {
		return new Api("http://localhost:" + port, Map.of());
	}

	/** Logs in and returns a client that sends the bearer token. */
	public Api as(String username, String password) {
		Response login = post("/api/v1/auth/login", Map.of("username", username, "password", password));
		if (login.status() != 200) {
			throw new IllegalStateException("login of " + username + " failed: " + login);
		}
		return new Api(base, Map.of("Authorization", "Bearer " + login.json().get("token").asString()));
	}

	public Api withApiKey(String key) {
		return new Api(base, Map.of("X-Api-Key", key));
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response post(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).POST(body(body))
			.header("Content-Type", "application/json"));
	}

	public Response put(String path, Object body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(body(body))
			.header("Content-Type", "application/json"));
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	/** Sends a raw body with the given content type, for malformed-input tests. */
	public Response postRaw(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", contentType));
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
	}

	private Response send(HttpRequest.Builder request) {
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
