package io.vigil.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: what the API is and how callers authenticate. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI vigilApi() {
		return new OpenAPI()
			.info(new Info().title("Vigil API · 安全风险监测预警平台")
				.description("Log in with POST /api/v1/auth/login and send 'Authorization: Bearer <token>'. "
						+ "Gateways push readings with 'X-Api-Key: <enterprise key>'. Errors are RFC 9457 problem details.")
				.version("v1"))
			.components(new Components()
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
				.addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.HEADER).name("X-Api-Key")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
