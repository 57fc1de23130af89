package io.vigil.attachment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.vigil.attachment.Attachment;
import io.vigil.attachment.AttachmentStore;
import io.vigil.attachment.AttachmentTooLargeException;
import io.vigil.organisation.CurrentUser;
import io.vigil.platform.InvalidInputException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/** Upload ({@code multipart/form-data}, field {@code file}) and download of attachments. */
@RestController
class AttachmentController {

	private final AttachmentStore store;

	AttachmentController(AttachmentStore store) {
		this.store = store;
	}

	/** What the warning handling steps take as an attachment, plus the id. */
	record Uploaded(long id, String name, String url, long size, String contentType) {

		static Uploaded of(Attachment a) {
			return new Uploaded(a.id(), a.name(), a.url(), a.size(), a.contentType());
		}
	}

	@PostMapping("/api/v1/attachments")
	ResponseEntity<Uploaded> upload(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		if (file == null) {
			throw new InvalidInputException("file", "send the file as multipart/form-data field 'file' / 请选择文件");
		}
		if (file.getSize() > AttachmentStore.MAX_BYTES) {
			throw new AttachmentTooLargeException(file.getSize(), AttachmentStore.MAX_BYTES);
		}
		Attachment stored = store.store(user, file.getOriginalFilename(), bytes(file));
		return ResponseEntity.created(URI.create(stored.url())).body(Uploaded.of(stored));
	}

	@GetMapping("/api/v1/attachments/{id}")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		AttachmentStore.Content content = store.open(user, id);
		Attachment a = content.attachment();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(a.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(content.bytes());
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ProblemDetail tooLarge(AttachmentTooLargeException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", e.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input",
				"send the file as multipart/form-data field 'file' / 请以 multipart/form-data 上传文件");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:vigil:problem:" + type));
		problem.setProperty("field", "file");
		problem.setProperty("errors", List.of(Map.of("field", "file", "reason", detail)));
		return problem;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
