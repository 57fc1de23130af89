package io.vigil.warning.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.warning.Attachment;
import io.vigil.warning.HandlingNote;
import io.vigil.warning.WarningFilter;
import io.vigil.warning.WarningQueries;
import io.vigil.warning.WarningView;
import io.vigil.warning.WarningWorkflow;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The warning list, one warning with its timeline, and the handling steps; all scoped. */
@RestController
class WarningController {

	private final WarningQueries queries;

	private final WarningWorkflow workflow;

	WarningController(WarningQueries queries, WarningWorkflow workflow) {
		this.queries = queries;
		this.workflow = workflow;
	}

	record Step(String note, List<Attachment> attachments) {

		HandlingNote toNote() {
			return new HandlingNote(note, attachments);
		}
	}

	record Clearing(String reason, String note, List<Attachment> attachments) {
	}

	/** @param decision approve or return */
	record Review(String decision, String note) {
	}

	/** @param kind phone, video or consultation */
	record Contact(String kind, String note, List<Attachment> attachments) {
	}

	@GetMapping("/api/v1/warnings")
	WarningQueries.Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String state,
			@RequestParam(required = false) String status, @RequestParam(required = false) String sensor,
			@RequestParam(required = false) String enterprise, @RequestParam(required = false) String level,
			@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String domain,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return queries.list(user, new WarningFilter(state, status, sensor, enterprise, level, jurisdiction, domain, from,
				to, overdue, page, size));
	}

	@GetMapping("/api/v1/warnings/{id}")
	WarningView get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/acknowledge")
	WarningView acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Step body) {
		workflow.acknowledge(user, id, note(body));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/verify")
	WarningView verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Step body) {
		workflow.verify(user, id, note(body));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/handle")
	WarningView handle(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Step body) {
		workflow.handle(user, id, note(body));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/feedback")
	WarningView feedback(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Step body) {
		workflow.feedback(user, id, note(body));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/clear")
	WarningView clear(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Clearing body) {
		workflow.clear(user, id, body.reason(), new HandlingNote(body.note(), body.attachments()));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/review")
	WarningView review(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Review body) {
		boolean approve = "approve".equals(body.decision());
		if (!approve && !"return".equals(body.decision())) {
			throw new io.vigil.platform.InvalidInputException("decision", "must be approve or return / 审核结论无效");
		}
		workflow.review(user, id, approve, HandlingNote.of(body.note()));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/supervise")
	WarningView supervise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Step body) {
		workflow.supervise(user, id, note(body));
		return queries.get(user, id);
	}

	@PostMapping("/api/v1/warnings/{id}/contacts")
	WarningView contact(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Contact body) {
		workflow.recordContact(user, id, body.kind(), new HandlingNote(body.note(), body.attachments()));
		return queries.get(user, id);
	}

	private static HandlingNote note(Step body) {
		return body == null ? HandlingNote.of(null) : body.toNote();
	}

	static Map<String, Object> page(List<?> items) {
		return Map.of("items", items, "total", items.size());
	}
}
