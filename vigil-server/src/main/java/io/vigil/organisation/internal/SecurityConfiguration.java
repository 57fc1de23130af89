package io.vigil.organisation.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stateless API security: a bearer token names the user; the data scope is checked by each
 * service. Endpoints that machines call with an enterprise API key check the key themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Reachable without a login token. Ingest endpoints authenticate with X-Api-Key instead. */
	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/api/v1/auth/login", "/api/v1/readings", "/error" };

	@Bean
	SecurityFilterChain api(HttpSecurity http, AuthTokens tokens) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.httpBasic(basic -> basic.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				// Async (SSE) and error dispatches continue a request that was already authorised.
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
				.requestMatchers(OPEN).permitAll()
				.requestMatchers("/api/**", "/actuator/**").authenticated()
				.anyRequest().permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> problem(response, 401, "unauthorized",
						"Log in first: send Authorization: Bearer <token> / 请先登录"))
				.accessDeniedHandler((request, response, e) -> problem(response, 403, "forbidden",
						"Not allowed / 无权访问")))
			.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Argon2id for new hashes; bcrypt still verifies if hashes are ever imported from elsewhere.
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2",
				Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), "bcrypt", new BCryptPasswordEncoder()));
	}

	static void problem(HttpServletResponse response, int status, String type, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"urn:vigil:problem:" + type + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\"}");
	}

	private static final class BearerTokenFilter extends OncePerRequestFilter {

		private final AuthTokens tokens;

		BearerTokenFilter(AuthTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
					: request.getParameter("access_token"); // EventSource cannot send headers
			if (token != null && !token.isEmpty()) {
				tokens.resolve(token).ifPresent(user -> SecurityContextHolder.getContext()
					.setAuthentication(new UsernamePasswordAuthenticationToken(user, token,
							List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())))));
			}
			chain.doFilter(request, response);
		}
	}
}
