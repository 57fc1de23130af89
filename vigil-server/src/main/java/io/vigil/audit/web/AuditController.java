package io.vigil.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.audit.AuditEntry;
import io.vigil.audit.AuditLog;
import io.vigil.organisation.CurrentUser;
import io.vigil.platform.ForbiddenException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only: the product offers no way to change or delete an audit entry. */
@RestController
class AuditController {

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit")
	Map<String, List<AuditEntry>> find(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityKey,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		if (!user.isAdmin()) {
			throw new ForbiddenException("Only platform administrators may read the audit log / 仅平台管理员可查看审计日志");
		}
		return Map.of("items", audit.find(entityType, entityKey, actor, from, to, Math.max(page, 0),
				Math.min(Math.max(size, 1), 1000)));
	}
}
