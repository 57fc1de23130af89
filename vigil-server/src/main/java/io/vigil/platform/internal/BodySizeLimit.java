package io.vigil.platform.internal;

import java.io.IOException;

import io.vigil.platform.PlatformSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies larger than {@code vigil.max-body-bytes} with a 413 problem, before reading them. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	BodySizeLimit(PlatformSettings settings) {
		this.maxBytes = settings.maxBodyBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > maxBytes) {
			response.setStatus(413);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"urn:vigil:problem:too-large\",\"title\":\"Payload Too Large\","
					+ "\"status\":413,\"field\":\"body\",\"detail\":\"The body has " + length
					+ " bytes; the limit is " + maxBytes + " / 请求体过大\"}");
			return;
		}
		chain.doFilter(request, response);
	}
}
