package io.vigil.organisation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The part of the organisation tree a user may see (R1.2): everything, one subtree (optionally only
 * some industries inside it), or one enterprise. Every read and write of organisation-owned data is
 * checked against it, in Java with {@link #includes} or in SQL with {@link #sql}.
 */
public record DataScope(boolean all, String subtreePath, Set<String> industries, Long enterpriseId) {

	public static final DataScope EVERYTHING = new DataScope(true, null, Set.of(), null);

	public static DataScope subtree(String path, Set<String> industries) {
		return new DataScope(false, path, Set.copyOf(industries), null);
	}

	public static DataScope enterprise(long enterpriseId) {
		return new DataScope(false, null, Set.of(), enterpriseId);
	}

	public static DataScope nothing() {
		return new DataScope(false, "/nothing/", Set.of(), null);
	}

	/** Whether the organisation (and so everything it owns) lies inside this scope. */
	public boolean includes(Organisation organisation) {
		if (all) {
			return true;
		}
		if (enterpriseId != null) {
			return organisation.id() == enterpriseId;
		}
		if (!organisation.isWithin(subtreePath)) {
			return false;
		}
		return industries.isEmpty() || !organisation.isEnterprise()
				|| !Collections.disjoint(industries, organisation.industries());
	}

	/**
	 * A SQL predicate on an {@code organisations} row aliased {@code alias}, with its named parameters.
	 * Industries restrict enterprises only, as in {@link #includes}.
	 */
	public SqlFilter sql(String alias) {
		if (all) {
			return new SqlFilter("true", Map.of());
		}
		if (enterpriseId != null) {
			return new SqlFilter(alias + ".id = :scopeEnterprise", Map.of("scopeEnterprise", enterpriseId));
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopePath", subtreePath + "%");
		String sql = alias + ".path like :scopePath";
		if (!industries.isEmpty()) {
			sql += " and (" + alias + ".kind <> 'enterprise' or " + alias
					+ ".industries && string_to_array(:scopeIndustries, ','))";
			params.put("scopeIndustries", String.join(",", industries));
		}
		return new SqlFilter("(" + sql + ")", params);
	}

	/** A predicate to splice into a WHERE clause and the named parameters it needs. */
	public record SqlFilter(String sql, Map<String, Object> params) {
	}
}
