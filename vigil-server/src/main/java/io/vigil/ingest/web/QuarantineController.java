package io.vigil.ingest.web;

import io.vigil.ingest.QuarantineInspection;
import io.vigil.organisation.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/ingest/quarantine}: refused items and payloads, scoped to the caller. */
@RestController
class QuarantineController {

	private final QuarantineInspection quarantine;

	QuarantineController(QuarantineInspection quarantine) {
		this.quarantine = quarantine;
	}

	@GetMapping("/api/v1/ingest/quarantine")
	QuarantineInspection.Page list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String channel,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return quarantine.list(user, enterprise, channel, page, size);
	}
}
