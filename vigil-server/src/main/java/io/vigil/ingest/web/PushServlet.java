package io.vigil.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestResult;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.MalformedPayloadException;
import io.vigil.ingest.OversizedBatchException;
import io.vigil.ingest.RawReading;
import io.vigil.ingest.ReadingBatchParser;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Sender;
import io.vigil.organisation.ApiKeys;
import io.vigil.organisation.Organisation;
import io.vigil.timeseries.StoreOverloadedException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * {@code POST /api/v1/readings}: an enterprise pushes a batch with its API key and learns, once the accepted
 * readings are durable, how many were accepted and why each other item was not. The body is parsed as a stream,
 * straight from the socket; the request thread is released while the store commits.
 *
 * <p>A plain servlet rather than a controller, because gateways call it thousands of times a second: an
 * asynchronous controller result is answered by dispatching the request a second time through the filters and
 * the dispatcher servlet, which cost more CPU than parsing, checking and storing a batch of 100 readings. Here
 * the answer is written once the store completes, on a container thread, without that second pass. Errors are
 * the same RFC 9457 problem details the rest of the API answers with.
 */
final class PushServlet extends HttpServlet {

	static final String PATH = "/api/v1/readings";

	private static final Logger log = LoggerFactory.getLogger(PushServlet.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final transient IngestService ingest;

	private final transient ApiKeys keys;

	private final transient ReadingBatchParser parser;

	private final int rawBytes;

	private final long timeoutMillis;

	PushServlet(IngestService ingest, ApiKeys keys, int maxBatchItems, int rawBytes, Duration timeout) {
		this.ingest = ingest;
		this.keys = keys;
		this.parser = new ReadingBatchParser(maxBatchItems);
		this.rawBytes = rawBytes;
		this.timeoutMillis = timeout.toMillis();
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String key = request.getHeader("X-Api-Key");
		Optional<Organisation> enterprise = keys.authenticate(key);
		if (enterprise.isEmpty()) {
			ingest.refuse(IngestChannel.HTTP, null, RejectCode.UNAUTHORIZED,
					key == null ? "no X-Api-Key header" : "unknown or revoked API key", "from " + request.getRemoteAddr());
			problem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "X-Api-Key",
					"Send a valid enterprise API key in the X-Api-Key header / API 密钥缺失或无效");
			return;
		}
		Sender sender = new Sender(enterprise.get().id(), enterprise.get().code());
		PrefixRecordingStream body = new PrefixRecordingStream(request.getInputStream(), rawBytes);
		List<RawReading> items;
		try {
			items = parser.parse((InputStream) body);
		}
		catch (MalformedPayloadException e) {
			ingest.refuse(IngestChannel.HTTP, sender.enterpriseId(), RejectCode.MALFORMED, e.getMessage(), body.prefix());
			problem(response, HttpStatus.BAD_REQUEST, "malformed-json", "body", e.getMessage());
			return;
		}
		catch (OversizedBatchException e) {
			ingest.refuse(IngestChannel.HTTP, sender.enterpriseId(), RejectCode.OVERSIZED, e.getMessage(), body.prefix());
			problem(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "readings", e.getMessage());
			return;
		}
		AsyncContext async = request.startAsync();
		async.setTimeout(timeoutMillis);
		AtomicBoolean answered = new AtomicBoolean();
		async.addListener(new Timeout(answered));
		ingest.ingest(IngestChannel.HTTP, sender, items).whenComplete((result, failure) -> {
			if (answered.compareAndSet(false, true)) {
				async.start(() -> {
					try {
						answer((HttpServletResponse) async.getResponse(), result, failure);
					}
					catch (IOException | RuntimeException e) {
						log.debug("Could not answer a push (the client may have gone)", e);
					}
					finally {
						async.complete();
					}
				});
			}
		});
	}

	private static void answer(HttpServletResponse response, IngestResult result, Throwable failure) throws IOException {
		if (failure == null) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("accepted", result.accepted());
			body.put("rejected", result.rejected().stream()
				.map(r -> Map.of("index", r.index(), "code", r.code().tag(), "reason", r.reason())).toList());
			response.setStatus(HttpStatus.ACCEPTED.value());
			response.setContentType("application/json");
			JSON.writeValue(response.getOutputStream(), body);
			return;
		}
		Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
				: failure;
		if (cause instanceof StoreOverloadedException overloaded) {
			long seconds = Math.max(1, (overloaded.retryAfter().toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			problem(response, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", null, overloaded.getMessage());
			return;
		}
		log.error("Storing a batch failed; the client was told nothing was stored", cause);
		problem(response, HttpStatus.SERVICE_UNAVAILABLE, "store-failed", null,
				"The readings could not be stored; send them again / 数据未能保存，请重发");
	}

	static void problem(HttpServletResponse response, HttpStatus status, String type, String field, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:vigil:problem:" + type);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", PATH);
		if (field != null) {
			problem.put("field", field);
			problem.put("errors", List.of(Map.of("field", field, "reason", detail)));
		}
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

	/** A store that answers neither way in time: the client is told nothing was stored, and sends again. */
	private static final class Timeout implements AsyncListener {

		private final AtomicBoolean answered;

		Timeout(AtomicBoolean answered) {
			this.answered = answered;
		}

		@Override
		public void onTimeout(AsyncEvent event) throws IOException {
			if (answered.compareAndSet(false, true)) {
				log.warn("A push was not stored in time; the client was told to send it again");
				problem((HttpServletResponse) event.getAsyncContext().getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
						"store-failed", null, "The readings were not stored in time; send them again / 数据未能及时保存，请重发");
				event.getAsyncContext().complete();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
			answered.set(true); // the connection failed: nobody to answer
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}
	}
}
