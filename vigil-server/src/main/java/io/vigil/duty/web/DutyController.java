package io.vigil.duty.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.duty.DutyDesk;
import io.vigil.duty.DutyRoster;
import io.vigil.organisation.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The duty desk, rosters and the duty log. */
@RestController
class DutyController {

	private final DutyDesk desk;

	private final DutyRoster roster;

	DutyController(DutyDesk desk, DutyRoster roster) {
		this.desk = desk;
		this.roster = roster;
	}

	@GetMapping("/api/v1/duty/desk")
	DutyDesk.Desk desk(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String dutyCenter) {
		return desk.desk(user, dutyCenter);
	}

	@GetMapping("/api/v1/duty/shifts")
	Map<String, Object> shifts(@AuthenticationPrincipal CurrentUser user, @RequestParam String dutyCenter,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		List<DutyRoster.Shift> items = roster.list(user, dutyCenter, from, to);
		return Map.of("items", items, "total", items.size());
	}

	@PostMapping("/api/v1/duty/shifts")
	@ResponseStatus(HttpStatus.CREATED)
	DutyRoster.Shift addShift(@AuthenticationPrincipal CurrentUser user, @RequestBody DutyRoster.NewShift body) {
		return roster.add(user, body);
	}

	@GetMapping("/api/v1/duty/log")
	Map<String, Object> log(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String dutyCenter,
			@RequestParam(defaultValue = "100") int limit) {
		List<DutyDesk.LogEntry> items = desk.log(user, dutyCenter, limit);
		return Map.of("items", items, "total", items.size());
	}

	/** Notes, handovers, and phone/video contacts and consultations (the latter also on the warning's timeline). */
	@PostMapping("/api/v1/duty/log")
	@ResponseStatus(HttpStatus.CREATED)
	DutyDesk.LogEntry record(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String dutyCenter,
			@RequestBody DutyDesk.NewEntry body) {
		return desk.record(user, dutyCenter, body);
	}
}
