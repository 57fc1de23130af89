package io.vigil.notification.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vigil.notification.Message;
import io.vigil.notification.NotificationChannel;
import io.vigil.notification.NotificationSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The outbound channels. Each is a few lines over the JDK's HTTP client or {@link SmtpClient}; their
 * wire formats are the public ones (WeCom and DingTalk group robots' markdown messages).
 */
@Configuration(proxyBeanMethods = false)
class Channels {

	@Bean
	NotificationChannel inAppChannel(SseHub hub) {
		return new NotificationChannel() {
			public String name() {
				return "in_app";
			}

			// The message is already in the user's inbox; the live push is a courtesy when a tab is open.
			public void send(Message message, String target) {
				hub.deliver(target, message);
			}
		};
	}

	@Bean
	NotificationChannel webhookChannel(Endpoints endpoints, JsonMapper json, NotificationSettings settings, Clock clock) {
		HttpClient http = client(settings);
		return new NotificationChannel() {
			public String name() {
				return "webhook";
			}

			/** Signature: X-Vigil-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)). */
			public void send(Message message, String target) throws Exception {
				Endpoints.Endpoint endpoint = endpoint(endpoints, target);
				String body = json.writeValueAsString(payload(message));
				String timestamp = String.valueOf(clock.instant().getEpochSecond());
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(settings.timeout())
					.header("Content-Type", "application/json").header("X-Vigil-Delivery", String.valueOf(message.id()))
					.header("X-Vigil-Timestamp", timestamp).POST(HttpRequest.BodyPublishers.ofString(body));
				if (endpoint.secret() != null && !endpoint.secret().isEmpty()) {
					request.header("X-Vigil-Signature",
							"sha256=" + HexFormat.of().formatHex(hmac(endpoint.secret(), timestamp + "." + body)));
				}
				expect2xx(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
			}
		};
	}

	@Bean
	NotificationChannel wecomChannel(Endpoints endpoints, JsonMapper json, NotificationSettings settings) {
		HttpClient http = client(settings);
		return new NotificationChannel() {
			public String name() {
				return "wecom";
			}

			public void send(Message message, String target) throws Exception {
				Endpoints.Endpoint endpoint = endpoint(endpoints, target);
				String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown",
						Map.of("content", "**" + message.subject() + "**\n" + message.body())));
				robotReply(json, http.send(post(endpoint.url(), body, settings), HttpResponse.BodyHandlers.ofString()));
			}
		};
	}

	@Bean
	NotificationChannel dingtalkChannel(Endpoints endpoints, JsonMapper json, NotificationSettings settings,
			Clock clock) {
		HttpClient http = client(settings);
		return new NotificationChannel() {
			public String name() {
				return "dingtalk";
			}

			/** With a secret, DingTalk's signing: timestamp and sign = base64(HMAC-SHA256(secret, ts + "\n" + secret)). */
			public void send(Message message, String target) throws Exception {
				Endpoints.Endpoint endpoint = endpoint(endpoints, target);
				String url = endpoint.url();
				if (endpoint.secret() != null && !endpoint.secret().isEmpty()) {
					long ts = clock.millis();
					String sign = Base64.getEncoder().encodeToString(hmac(endpoint.secret(), ts + "\n" + endpoint.secret()));
					url += (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign="
							+ URLEncoder.encode(sign, StandardCharsets.UTF_8);
				}
				String body = json.writeValueAsString(Map.of("msgtype", "markdown", "markdown",
						Map.of("title", message.subject(), "text", "### " + message.subject() + "\n" + message.body())));
				robotReply(json, http.send(post(url, body, settings), HttpResponse.BodyHandlers.ofString()));
			}
		};
	}

	@Bean
	NotificationChannel smsChannel(NotificationSettings settings, JsonMapper json) {
		HttpClient http = client(settings);
		return new NotificationChannel() {
			public String name() {
				return "sms";
			}

			public void send(Message message, String target) throws Exception {
				NotificationSettings.Sms sms = settings.sms();
				String text = message.subject();
				String jsonText = json.writeValueAsString(text);
				String body = sms.body().replace("{phone}", target).replace("{text}",
						jsonText.substring(1, jsonText.length() - 1));
				String url = sms.url().replace("{phone}", URLEncoder.encode(target, StandardCharsets.UTF_8))
					.replace("{text}", URLEncoder.encode(text, StandardCharsets.UTF_8));
				expect2xx(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
					.header("Content-Type", sms.contentType()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
						HttpResponse.BodyHandlers.ofString()));
			}
		};
	}

	@Bean
	NotificationChannel emailChannel(NotificationSettings settings) {
		return new NotificationChannel() {
			public String name() {
				return "email";
			}

			public void send(Message message, String target) throws Exception {
				new SmtpClient(settings.smtp(), settings.timeout()).send(target, message.subject(), message.body());
			}
		};
	}

	static Map<String, Object> payload(Message message) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", "vigil.warning." + message.kind());
		payload.put("message", message.id());
		payload.put("level", message.level());
		payload.put("subject", message.subject());
		payload.put("count", message.noticeCount());
		List<Map<String, Object>> warnings = message.notices().stream()
			.map(n -> Map.<String, Object>of("id", n.warning(), "event", n.event(), "level", n.level(), "summary",
					n.summary()))
			.toList();
		payload.put("warnings", warnings);
		payload.put("createdAt", message.createdAt().toString());
		return payload;
	}

	private static Endpoints.Endpoint endpoint(Endpoints endpoints, String target) {
		long id = Long.parseLong(target.substring("endpoint:".length()));
		return endpoints.find(id).orElseThrow(() -> new IllegalStateException("endpoint " + id + " no longer exists"));
	}

	private static HttpClient client(NotificationSettings settings) {
		return HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
	}

	private static HttpRequest post(String url, String body, NotificationSettings settings) {
		return HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private static void expect2xx(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			String body = response.body() == null ? "" : response.body();
			throw new IllegalStateException("HTTP " + response.statusCode() + " "
					+ body.substring(0, Math.min(200, body.length())));
		}
	}

	/** Robots answer 200 with {"errcode":0} on success and a non-zero errcode otherwise. */
	private static void robotReply(JsonMapper json, HttpResponse<String> response) {
		expect2xx(response);
		JsonNode reply = json.readTree(response.body());
		if (reply.has("errcode") && reply.get("errcode").asInt() != 0) {
			throw new IllegalStateException("robot refused: " + response.body());
		}
	}

	static byte[] hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
	}
}
