package io.vigil.organisation.web;

import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.internal.AuthTokens;
import io.vigil.organisation.internal.Login;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

	private final Login login;

	private final AuthTokens tokens;

	AuthController(Login login, AuthTokens tokens) {
		this.login = login;
		this.tokens = tokens;
	}

	record Credentials(String username, String password) {
	}

	@PostMapping("/api/v1/auth/login")
	ResponseEntity<?> login(@RequestBody Credentials credentials, HttpServletRequest request) {
		Login.Result result = login.login(credentials.username(), credentials.password(), request.getRemoteAddr());
		if (result instanceof Login.Success success) {
			return ResponseEntity.ok(Map.of("token", success.token().token(), "expiresAt",
					success.token().expiresAt().toString()));
		}
		if (result instanceof Login.LockedOut locked) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(locked.retryAfter().toSeconds() + 1))
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins; try again in "
						+ (locked.retryAfter().toMinutes() + 1) + " min / 登录失败次数过多，请稍后再试"));
		}
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemDetail
			.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Wrong user name or password / 用户名或密码错误"));
	}

	@PostMapping("/api/v1/auth/logout")
	ResponseEntity<Void> logout(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.length() > 7) {
			tokens.revoke(header.substring(7).strip());
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/auth/me")
	CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
		return user;
	}
}
