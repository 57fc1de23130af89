package io.vigil.organisation;

import java.util.List;

/**
 * One node: a region of any level, an enterprise, a regulator or a duty center.
 *
 * @param path materialised path of ids, {@code /1/4/17/}; a subtree is every path with this prefix
 * @param industries the enterprise's industries, or the industries a regulator oversees
 * @param scopeRegionId for regulators and duty centers: the region subtree they oversee
 */
public record Organisation(long id, String code, String name, String nameEn, OrganisationKind kind,
		String levelLabel, Long parentId, String path, List<String> industries, Long scopeRegionId,
		String contact, String phone) {

	public boolean isEnterprise() {
		return kind == OrganisationKind.ENTERPRISE;
	}

	public boolean isWithin(String subtreePath) {
		return path.startsWith(subtreePath);
	}
}
