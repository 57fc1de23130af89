package io.vigil.platform.internal;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import io.vigil.platform.ConflictException;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;
import io.vigil.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps the domain exceptions, once, to RFC 9457 problem details with the field and the reason. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's generic problem-details handler
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.field(), e.reason());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, "conflict", e.field(), e.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "not-found", null, e.getMessage());
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ProblemDetail forbidden(RuntimeException e) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", null, e.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof JacksonException json) {
			String field = json.getPath().stream().map(ApiErrors::pathElement).collect(Collectors.joining("."))
				.replace(".[", "[");
			return problem(HttpStatus.BAD_REQUEST, "malformed-json", field.isEmpty() ? null : field,
					"Malformed or mistyped JSON / JSON 格式或类型错误: " + json.getOriginalMessage());
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed-json", null,
				"The request body is missing or unreadable / 请求体缺失或无法解析");
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail notValid(MethodArgumentNotValidException e) {
		var first = e.getBindingResult().getFieldErrors().stream().findFirst();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input",
				first.map(f -> f.getField()).orElse(null),
				first.map(f -> f.getDefaultMessage()).orElse("invalid input"));
		problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream()
			.map(f -> java.util.Map.of("field", f.getField(), "reason", String.valueOf(f.getDefaultMessage())))
			.toList());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getName(),
				"'" + e.getValue() + "' is not a valid value / 取值无效");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getParameterName(), "is required / 必填");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		log.warn("Integrity violation not caught by validation: {}", e.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "conflict", null,
				"The change conflicts with existing data / 与已有数据冲突: " + e.getMostSpecificCause().getMessage());
	}

	static ProblemDetail problem(HttpStatus status, String type, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:vigil:problem:" + type));
		if (field != null) {
			problem.setProperty("field", field);
			problem.setProperty("errors", List.of(java.util.Map.of("field", field, "reason", detail)));
		}
		return problem;
	}

	private static String pathElement(JacksonException.Reference reference) {
		return reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]";
	}
}
