package io.vigil.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading attachments for warning handling, and who may fetch them again. */
@VigilTest
class AttachmentApiTests {

	/** A complete 1×1 PNG. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	String s;

	@BeforeEach
	void twoEnterprises() {
		Api admin = Api.at(port).as("admin", "admin-password");
		s = UUID.randomUUID().toString().substring(0, 8);
		created(admin.post("/api/v1/organisations", Map.of("code", "d" + s, "name", "d", "kind", "region")));
		for (String e : List.of("e1", "e2")) {
			created(admin.post("/api/v1/organisations",
					Map.of("code", e + s, "name", e, "kind", "enterprise", "parent", "d" + s, "industries", List.of("gas"))));
			created(admin.post("/api/v1/users", Map.of("username", "m" + e + s, "displayName", "m", "password",
					"long-enough-password", "role", "enterprise_manager", "organisation", e + s)));
		}
		created(admin.post("/api/v1/organisations",
				Map.of("code", "duty" + s, "name", "duty", "kind", "duty_center", "scopeRegion", "d" + s)));
		created(admin.post("/api/v1/users", Map.of("username", "dt" + s, "displayName", "dt", "password",
				"long-enough-password", "role", "duty_officer", "organisation", "duty" + s)));
	}

	@Test
	void anUploadedPngComesBackByteForByteToItsEnterpriseTheDutyOfficerAndAdmins() {
		HttpResponse<byte[]> upload = upload(token("me1" + s), "site photo.png", "image/png", PNG);

		assertThat(upload.statusCode()).isEqualTo(201);
		JsonNode body = json(upload);
		long id = body.get("id").asLong();
		assertThat(body.get("name").asString()).isEqualTo("site photo.png");
		assertThat(body.get("url").asString()).isEqualTo("/api/v1/attachments/" + id);
		assertThat(body.get("size").asLong()).isEqualTo(PNG.length);
		assertThat(body.get("contentType").asString()).isEqualTo("image/png");
		for (String reader : List.of("me1" + s, "dt" + s)) {
			HttpResponse<byte[]> download = download(token(reader), body.get("url").asString());
			assertThat(download.statusCode()).as(reader).isEqualTo(200);
			assertThat(download.body()).isEqualTo(PNG);
			assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
		}
		assertThat(download(token("admin"), body.get("url").asString()).statusCode()).isEqualTo(200);
	}

	@Test
	void anotherEnterpriseGetsNotFound() {
		long id = json(upload(token("me1" + s), "photo.png", "image/png", PNG)).get("id").asLong();

		assertThat(download(token("me2" + s), "/api/v1/attachments/" + id).statusCode()).isEqualTo(404);
		assertThat(download(token("me2" + s), "/api/v1/attachments/" + Long.MAX_VALUE).statusCode()).isEqualTo(404);
	}

	@Test
	void aFileThatOnlyClaimsToBeAnImageIsRefusedNamingTheField() {
		byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);

		HttpResponse<byte[]> refused = upload(token("me1" + s), "photo.png", "image/png", script);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get("field").asString()).isEqualTo("file");
		assertThat(json(refused).get("detail").asString()).contains("PNG");
	}

	@Test
	void aPdfIsAcceptedAndAFileOverTenMegabytesIsRefusedNamingTheField() {
		byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		assertThat(json(upload(token("me1" + s), "report.pdf", "application/pdf", pdf)).get("contentType")
			.asString()).isEqualTo("application/pdf");

		byte[] huge = Arrays.copyOf(PNG, (int) AttachmentStore.MAX_BYTES + 1);
		HttpResponse<byte[]> refused = upload(token("me1" + s), "huge.png", "image/png", huge);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(json(refused).get("field").asString()).isEqualTo("file");
	}

	@Test
	void aRequestWithoutTheFileFieldIsRefusedNamingTheField() {
		HttpResponse<byte[]> refused = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attachments"))
			.header("Authorization", "Bearer " + token("me1" + s)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(json(refused).get("field").asString()).isEqualTo("file");
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private String token(String username) {
		String password = username.equals("admin") ? "admin-password" : "long-enough-password";
		Api.Response login = Api.at(port).post("/api/v1/auth/login", Map.of("username", username, "password", password));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return login.json().get("token").asString();
	}

	/** A multipart/form-data POST with one file part named {@code file}, built by hand. */
	private HttpResponse<byte[]> upload(String token, String fileName, String contentType, byte[] content) {
		String boundary = "vigil-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/attachments"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpResponse<byte[]> download(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token).GET());
	}

	private static HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode json(HttpResponse<byte[]> response) {
		return JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
	}

	private static void created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}
}
