package io.vigil.ingest.web;

import io.vigil.audit.AuditLog;
import io.vigil.ingest.hj212.Hj212Ingest;
import io.vigil.organisation.CurrentUser;
import io.vigil.platform.ForbiddenException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/hj212/mapping/reload}: puts an edited HJ 212 mapping file in force without a restart.
 * An explicit call rather than a file watcher, so that a half-saved file is never picked up and the operator sees
 * at once either what is now in force or the line that is wrong (400, the previous mapping kept).
 */
@RestController
class Hj212MappingController {

	private final Hj212Ingest hj212;

	private final AuditLog audit;

	Hj212MappingController(Hj212Ingest hj212, AuditLog audit) {
		this.hj212 = hj212;
		this.audit = audit;
	}

	@PostMapping("/api/v1/ingest/hj212/mapping/reload")
	Hj212Ingest.MappingLoaded reload(@AuthenticationPrincipal CurrentUser user) {
		if (!user.isAdmin()) {
			throw new ForbiddenException(
					"Only platform administrators may reload the HJ 212 mapping / 仅平台管理员可重新加载 HJ 212 映射");
		}
		Hj212Ingest.MappingLoaded loaded = hj212.reloadMapping();
		audit.record(user.username(), "reload", "hj212_mapping", loaded.file(), null, null, loaded);
		return loaded;
	}
}
