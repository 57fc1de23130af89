package io.vigil.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestResult;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.IngestSettings;
import io.vigil.ingest.MalformedPayloadException;
import io.vigil.ingest.OversizedBatchException;
import io.vigil.ingest.RawReading;
import io.vigil.ingest.ReadingBatchParser;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Sender;
import io.vigil.organisation.ApiKeys;
import io.vigil.organisation.Organisation;
import io.vigil.timeseries.StoreOverloadedException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/readings}: an enterprise pushes a batch with its API key and learns, once the accepted
 * readings are durable, how many were accepted and why each other item was not. The body is parsed as a stream,
 * straight from the socket; the request thread is released while the store commits.
 */
@RestController
class PushController {

	private static final Logger log = LoggerFactory.getLogger(PushController.class);

	private final IngestService ingest;

	private final ApiKeys keys;

	private final ReadingBatchParser parser;

	private final int rawBytes;

	PushController(IngestService ingest, ApiKeys keys, IngestSettings settings) {
		this.ingest = ingest;
		this.keys = keys;
		this.parser = new ReadingBatchParser(settings.maxBatchItems());
		this.rawBytes = settings.quarantineRawBytes();
	}

	@PostMapping("/api/v1/readings")
	CompletableFuture<ResponseEntity<?>> push(@RequestHeader(name = "X-Api-Key", required = false) String key,
			HttpServletRequest request) throws IOException {
		Optional<Organisation> enterprise = keys.authenticate(key);
		if (enterprise.isEmpty()) {
			ingest.refuse(IngestChannel.HTTP, null, RejectCode.UNAUTHORIZED,
					key == null ? "no X-Api-Key header" : "unknown or revoked API key",
					"from " + request.getRemoteAddr());
			return done(problem(HttpStatus.UNAUTHORIZED, "unauthorized", "X-Api-Key",
					"Send a valid enterprise API key in the X-Api-Key header / API 密钥缺失或无效"));
		}
		Sender sender = new Sender(enterprise.get().id(), enterprise.get().code());
		PrefixRecordingStream body = new PrefixRecordingStream(request.getInputStream(), rawBytes);
		List<RawReading> items;
		try {
			items = parser.parse((InputStream) body);
		}
		catch (MalformedPayloadException e) {
			ingest.refuse(IngestChannel.HTTP, sender.enterpriseId(), RejectCode.MALFORMED, e.getMessage(), body.prefix());
			return done(problem(HttpStatus.BAD_REQUEST, "malformed-json", "body", e.getMessage()));
		}
		catch (OversizedBatchException e) {
			ingest.refuse(IngestChannel.HTTP, sender.enterpriseId(), RejectCode.OVERSIZED, e.getMessage(), body.prefix());
			return done(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "readings", e.getMessage()));
		}
		return ingest.ingest(IngestChannel.HTTP, sender, items).handle(PushController::answer);
	}

	private static ResponseEntity<?> answer(IngestResult result, Throwable failure) {
		if (failure == null) {
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(Map.of("accepted", result.accepted(), "rejected", result.rejected().stream()
					.map(r -> Map.of("index", r.index(), "code", r.code().tag(), "reason", r.reason())).toList()));
		}
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		if (cause instanceof StoreOverloadedException overloaded) {
			long seconds = Math.max(1, (overloaded.retryAfter().toMillis() + 999) / 1000);
			ResponseEntity<ProblemDetail> busy = problem(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", null,
					overloaded.getMessage());
			return ResponseEntity.status(busy.getStatusCode()).headers(busy.getHeaders())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(busy.getBody());
		}
		log.error("Storing a batch failed; the client was told nothing was stored", cause);
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "store-failed", null,
				"The readings could not be stored; send them again / 数据未能保存，请重发");
	}

	private static CompletableFuture<ResponseEntity<?>> done(ResponseEntity<?> response) {
		return CompletableFuture.completedFuture(response);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:vigil:problem:" + type));
		if (field != null) {
			problem.setProperty("field", field);
			problem.setProperty("errors", List.of(Map.of("field", field, "reason", detail)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
