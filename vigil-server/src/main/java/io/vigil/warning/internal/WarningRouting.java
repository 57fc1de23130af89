package io.vigil.warning.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.warning.Audience;
import io.vigil.warning.OnDutyOfficers;
import io.vigil.warning.Recipient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The responsibility list (R1.3): from an object to the people of each {@link Audience} tier — its
 * enterprise (or a major hazard source's three responsible persons), the jurisdictions above it, the
 * regulators and duty centers whose region and industries cover it, and the district bureau.
 */
@Component
public class WarningRouting {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final JsonMapper json;

	private final ObjectProvider<OnDutyOfficers> duty;

	WarningRouting(JdbcClient jdbc, Organisations organisations, JsonMapper json, ObjectProvider<OnDutyOfficers> duty) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.json = json;
		this.duty = duty;
	}

	/** The people of the given tiers, each once (under the first tier that names them). */
	public List<Recipient> recipients(long enterpriseId, Long assetId, List<Audience> audiences, Instant at) {
		Organisation enterprise = organisations.findById(enterpriseId).orElseThrow();
		JsonNode persons = responsiblePersons(assetId);
		Map<String, Recipient> byKey = new LinkedHashMap<>();
		for (Audience audience : audiences) {
			for (Recipient r : resolve(audience, enterprise, persons, at)) {
				byKey.putIfAbsent(r.key(), r);
			}
		}
		return List.copyOf(byKey.values());
	}

	/** Regulators (or, where none, duty centers) covering the enterprise: who supervision items go to. */
	public List<Long> covering(long enterpriseId, String kind) {
		Organisation enterprise = organisations.findById(enterpriseId).orElseThrow();
		return jdbc.sql("""
				select r.id from organisations r left join organisations sr on sr.id = r.scope_region_id
				where r.kind = :kind and (r.scope_region_id is null or :path like sr.path || '%')
				  and (cardinality(r.industries) = 0 or r.industries && string_to_array(:industries, ','))
				order by r.id""")
			.param("kind", kind).param("path", enterprise.path())
			.param("industries", String.join(",", enterprise.industries())).query(Long.class).list();
	}

	private List<Recipient> resolve(Audience audience, Organisation enterprise, JsonNode persons, Instant at) {
		List<Long> chain = regionChain(enterprise);
		return switch (audience) {
			case ENTERPRISE_OPERATOR -> person(persons, "operational", audience, enterprise)
				.map(List::of).orElseGet(() -> orFallback(users(List.of(enterprise.id()), "enterprise_operator", audience),
						() -> users(List.of(enterprise.id()), "enterprise_manager", audience)));
			case ENTERPRISE_TECHNICAL -> person(persons, "technical", audience, enterprise)
				.map(List::of).orElseGet(() -> users(List.of(enterprise.id()), "enterprise_manager", audience));
			case ENTERPRISE_PRINCIPAL -> person(persons, "principal", audience, enterprise)
				.map(List::of).orElseGet(() -> users(List.of(enterprise.id()), "enterprise_manager", audience));
			case JURISDICTION -> chain.size() <= 1 ? List.of()
					: users(chain.subList(1, chain.size()), "jurisdiction_officer", audience);
			case REGULATOR -> users(covering(enterprise.id(), "regulator"), null, audience);
			case DUTY_CENTER -> dutyOfficers(enterprise, audience, at);
			case DISTRICT_BUREAU -> chain.isEmpty() ? List.of() : users(chain.subList(0, 1), null, audience);
			case LEADERS -> users(chain, null, audience);
		};
	}

	private List<Recipient> dutyOfficers(Organisation enterprise, Audience audience, Instant at) {
		List<Recipient> all = new ArrayList<>();
		OnDutyOfficers roster = duty.getIfAvailable();
		for (long center : covering(enterprise.id(), "duty_center")) {
			List<Recipient> officers = users(List.of(center), "duty_officer", audience);
			List<String> onDuty = roster == null ? List.of() : roster.onDuty(center, at);
			List<Recipient> onShift = officers.stream().filter(r -> onDuty.contains(r.username())).toList();
			all.addAll(onShift.isEmpty() ? officers : onShift);
		}
		return all;
	}

	/** Region ids from the root down to the enterprise's parent. */
	private static List<Long> regionChain(Organisation enterprise) {
		List<Long> ids = new ArrayList<>(Arrays.stream(enterprise.path().split("/")).filter(s -> !s.isEmpty())
			.map(Long::valueOf).toList());
		ids.remove(Long.valueOf(enterprise.id()));
		return ids;
	}

	private List<Recipient> users(List<Long> organisationIds, String role, Audience audience) {
		if (organisationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select username, display_name, phone, email, organisation_id from users
				where enabled and organisation_id in (:orgs) and (cast(:role as text) is null or role = :role)
				order by organisation_id, username""")
			.param("orgs", organisationIds).param("role", role)
			.query((rs, row) -> Recipient.user(rs.getString("username"), rs.getString("display_name"), audience,
					rs.getString("phone"), rs.getString("email"), rs.getLong("organisation_id")))
			.list();
	}

	private static List<Recipient> orFallback(List<Recipient> first, java.util.function.Supplier<List<Recipient>> second) {
		return first.isEmpty() ? second.get() : first;
	}

	private static Optional<Recipient> person(JsonNode persons, String which, Audience audience, Organisation enterprise) {
		JsonNode person = persons == null ? null : persons.get(which);
		if (person == null || !person.hasNonNull("phone") || person.get("phone").asString().isBlank()) {
			return Optional.empty();
		}
		String name = person.hasNonNull("name") ? person.get("name").asString() : which;
		return Optional.of(Recipient.person(name, person.get("phone").asString(), audience, enterprise.id()));
	}

	/**
	 * The three responsible persons of a major hazard source, from the asset or the asset it belongs to
	 * as the registry stores a major hazard source's attributes: {@code properties = {principal, technical,
	 * operational: {name, phone}, …}}.
	 */
	private JsonNode responsiblePersons(Long assetId) {
		if (assetId == null) {
			return null;
		}
		List<String> found = jdbc.sql("""
				select (case when a.properties -> 'principal' is not null then a.properties else p.properties end)::text
				from assets a left join assets p on p.id = a.parent_id where a.id = :id""")
			.param("id", assetId).query(String.class).list();
		return found.isEmpty() || found.get(0) == null ? null : json.readTree(found.get(0));
	}
}
