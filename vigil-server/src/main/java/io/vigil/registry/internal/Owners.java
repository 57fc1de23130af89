package io.vigil.registry.internal;

import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.platform.ForbiddenException;
import io.vigil.platform.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Resolves the organisation that will own registry data and checks the caller may write there.
 * An owner outside the caller's scope is reported as unknown, so that nobody learns what exists elsewhere.
 */
@Component
public class Owners {

	private final Organisations organisations;

	Owners(Organisations organisations) {
		this.organisations = organisations;
	}

	/** The enterprise named by {@code code}, which the user may read and write; 400 or 403 otherwise. */
	public Organisation writableEnterprise(CurrentUser user, String field, String code) {
		Organisation enterprise = readable(user, field, code);
		if (!enterprise.isEnterprise()) {
			throw new InvalidInputException(field, "'" + code + "' is a " + enterprise.kind().code()
					+ ", not an enterprise / 不是企业");
		}
		requireWrite(user, enterprise);
		return enterprise;
	}

	/**
	 * Any organisation (region or enterprise) named by {@code code} that the user may write for: data of
	 * an enterprise as for assets; data of a region (fire stations, construction sites) for admins and
	 * jurisdiction officers in whose subtree it lies.
	 */
	public Organisation writableOrganisation(CurrentUser user, String field, String code) {
		Organisation organisation = readable(user, field, code);
		requireWrite(user, organisation);
		return organisation;
	}

	public void requireWrite(CurrentUser user, Organisation owner) {
		boolean allowed = owner.isEnterprise() ? user.canWriteEnterpriseData(owner)
				: user.isAdmin() || (user.role() == Role.JURISDICTION_OFFICER && user.scope().includes(owner));
		if (!allowed) {
			throw new ForbiddenException("Your role (" + user.role().code() + ") may not change data of " + owner.code()
					+ " / 无权修改该单位的数据");
		}
	}

	/** Whether the organisation with this code lies inside the user's scope. */
	public boolean canRead(CurrentUser user, String code) {
		return organisations.findByCode(code).filter(user::canRead).isPresent();
	}

	private Organisation readable(CurrentUser user, String field, String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(field, "is required / 必填");
		}
		return organisations.findByCode(code).filter(user::canRead)
			.orElseThrow(() -> new InvalidInputException(field, "no organisation '" + code + "' in your data scope / 数据权限范围内无此单位"));
	}
}
