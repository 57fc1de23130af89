package io.vigil.organisation.web;

import java.util.List;
import java.util.Map;

import io.vigil.organisation.ApiKey;
import io.vigil.organisation.ApiKeys;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.OrganisationService;
import io.vigil.organisation.UserAccount;
import io.vigil.organisation.UserAccounts;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisations, users and enterprise API keys; every call is scoped by the caller's data scope. */
@RestController
class OrganisationController {

	private final OrganisationService organisations;

	private final UserAccounts users;

	private final ApiKeys keys;

	OrganisationController(OrganisationService organisations, UserAccounts users, ApiKeys keys) {
		this.organisations = organisations;
		this.users = users;
		this.keys = keys;
	}

	@GetMapping("/api/v1/organisations")
	Map<String, List<Organisation>> organisations(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("items", organisations.list(user));
	}

	@GetMapping("/api/v1/organisations/{code}")
	Organisation organisation(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		return organisations.get(user, code);
	}

	@PostMapping("/api/v1/organisations")
	@ResponseStatus(HttpStatus.CREATED)
	Organisation create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody OrganisationService.NewOrganisation command) {
		return organisations.create(user, command);
	}

	@PutMapping("/api/v1/organisations/{code}")
	Organisation update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestBody OrganisationService.OrganisationChange change) {
		return organisations.update(user, code, change);
	}

	@GetMapping("/api/v1/users")
	Map<String, List<UserAccount>> users(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("items", users.list(user));
	}

	@PostMapping("/api/v1/users")
	@ResponseStatus(HttpStatus.CREATED)
	UserAccount createUser(@AuthenticationPrincipal CurrentUser user, @RequestBody UserAccounts.NewUser command) {
		return users.create(user, command);
	}

	@PutMapping("/api/v1/users/{username}")
	UserAccount updateUser(@AuthenticationPrincipal CurrentUser user, @PathVariable String username,
			@RequestBody UserAccounts.UserChange change) {
		return users.update(user, username, change);
	}

	record NewPassword(String password) {
	}

	@PutMapping("/api/v1/users/{username}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable String username,
			@RequestBody NewPassword body) {
		users.setPassword(user, username, body.password());
	}

	@GetMapping("/api/v1/enterprises/{code}/api-keys")
	Map<String, List<ApiKey>> keys(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		return Map.of("items", keys.list(user, code));
	}

	record NewKey(String name) {
	}

	@PostMapping("/api/v1/enterprises/{code}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	ApiKey createKey(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, @RequestBody NewKey body) {
		return keys.create(user, code, body.name());
	}

	@PostMapping("/api/v1/enterprises/{code}/api-keys/{id}/rotate")
	@ResponseStatus(HttpStatus.CREATED)
	ApiKey rotateKey(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, @PathVariable long id) {
		return keys.rotate(user, code, id);
	}

	@PostMapping("/api/v1/enterprises/{code}/api-keys/{id}/revoke")
	ApiKey revokeKey(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, @PathVariable long id) {
		return keys.revoke(user, code, id);
	}
}
