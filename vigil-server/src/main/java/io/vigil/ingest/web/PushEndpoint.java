package io.vigil.ingest.web;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.IngestSettings;
import io.vigil.organisation.ApiKeys;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Serves {@link PushServlet} at {@code /api/v1/readings} and describes it in the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class PushEndpoint {

	@Bean
	ServletRegistrationBean<PushServlet> pushServlet(IngestService ingest, ApiKeys keys, IngestSettings settings) {
		ServletRegistrationBean<PushServlet> registration = new ServletRegistrationBean<>(new PushServlet(ingest, keys,
				settings.maxBatchItems(), settings.quarantineRawBytes(), settings.ackTimeout()), PushServlet.PATH);
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	/** The servlet is no controller, so the OpenAPI document learns of it here. */
	@Bean
	OpenApiCustomizer pushDocumentation() {
		Schema<?> reading = new ObjectSchema()
			.addProperty("sensor", new Schema<String>().type("string").description("sensor code"))
			.addProperty("ts", new Schema<String>().type("string").format("date-time")
				.description("ISO-8601 with offset, e.g. 2024-05-01T08:00:00+08:00"))
			.addProperty("value", new Schema<Double>().type("number"))
			.addProperty("flag", new Schema<String>().type("string")
				.description("HJ 212 quality letter: N (default), S valid; F, M, D, C, T, B invalid (stored, never alarmed on)"))
			.required(List.of("sensor", "ts", "value"));
		Schema<?> accepted = new ObjectSchema()
			.addProperty("accepted", new Schema<Integer>().type("integer"))
			.addProperty("rejected", new ArraySchema().items(new ObjectSchema()
				.addProperty("index", new Schema<Integer>().type("integer"))
				.addProperty("code", new Schema<String>().type("string"))
				.addProperty("reason", new Schema<String>().type("string"))));
		Content problem = new Content().addMediaType("application/problem+json", new MediaType().schema(new ObjectSchema()));
		Operation push = new Operation().operationId("pushReadings").addTagsItem("ingest")
			.summary("Push a batch of readings / 推送监测数据")
			.description("Answered only once the accepted readings are durable; each refused item is named with its "
					+ "reason and kept in the quarantine. At most vigil.ingest.max-batch-items items.")
			.addSecurityItem(new SecurityRequirement().addList("apiKey"))
			.requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
					new MediaType().schema(new ObjectSchema().addProperty("readings", new ArraySchema().items(reading))))))
			.responses(new ApiResponses()
				.addApiResponse("202", new ApiResponse().description("stored (the accepted ones)")
					.content(new Content().addMediaType("application/json", new MediaType().schema(accepted))))
				.addApiResponse("400", new ApiResponse().description("not JSON of this shape; nothing stored").content(problem))
				.addApiResponse("401", new ApiResponse().description("missing, unknown or revoked API key").content(problem))
				.addApiResponse("413", new ApiResponse().description("too many items or bytes; nothing stored").content(problem))
				.addApiResponse("503", new ApiResponse()
					.description("store full (Retry-After) or failed; nothing stored, send again").content(problem)));
		return api -> api.path(PushServlet.PATH, new PathItem().post(push));
	}
}
