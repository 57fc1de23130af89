package io.vigil.detection.internal;

import java.util.List;

import io.vigil.detection.internal.RuleTarget.Resolved;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.defaults.SetPoints;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.organisation.Role;
import io.vigil.platform.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who may change which rules. Standards are set by the platform admin and the district bureau (a
 * jurisdiction officer of a top-level region), inside their data scope. An enterprise manager may only
 * give a sensor of their own enterprise thresholds at least as strict as the standard ones
 * ({@link SetPoints#violations}); switching monitoring off or any other rule kind is not theirs to decide.
 */
@Component
public class RuleAccess {

	private final Organisations organisations;

	RuleAccess(Organisations organisations) {
		this.organisations = organisations;
	}

	public boolean canRead(CurrentUser user, Long enterpriseId) {
		return enterpriseId == null || organisations.findById(enterpriseId).map(user::canRead).orElse(false);
	}

	/** Throws unless the user may write this rule set with these rules. */
	public void checkWrite(CurrentUser user, Resolved target, List<RuleSpec> rules, boolean deleting) {
		Organisation owner = target.enterpriseId() == null ? null : organisations.findById(target.enterpriseId()).orElse(null);
		if (user.isAdmin() || isDistrictBureau(user)) {
			if (owner != null && !user.canRead(owner)) {
				throw new ForbiddenException("the target lies outside your data scope / 目标不在您的数据权限范围内");
			}
			return;
		}
		if (user.role() != Role.ENTERPRISE_MANAGER) {
			throw new ForbiddenException("only the platform admin and the district bureau change rules; enterprise managers may "
					+ "tighten thresholds of their own sensors / 仅平台管理员和区级监管部门可修改规则，企业仅可收紧本企业传感器阈值");
		}
		if (!"sensor".equals(target.scope()) || owner == null || !user.canRead(owner)) {
			throw new ForbiddenException("an enterprise may only set rules of its own sensors (scope 'sensor') / 企业仅可设置本企业传感器的规则");
		}
		if (deleting) {
			return;
		}
		for (int i = 0; i < rules.size(); i++) {
			RuleSpec spec = rules.get(i);
			if (!"threshold".equals(spec.kind()) || !spec.enabled()) {
				throw new ForbiddenException("rules[" + i + "]: an enterprise may only tighten thresholds, not add other rules or "
						+ "switch rules off / 企业仅可收紧阈值");
			}
			Threshold proposed = (Threshold) spec.factory().build("proposed", target.sample());
			Threshold standard = target.standard();
			if (standard != null) {
				List<String> reasons = SetPoints.violations(proposed, standard);
				if (!reasons.isEmpty()) {
					throw new ForbiddenException("rules[" + i + "]: " + String.join("; ", reasons));
				}
			}
		}
	}

	private boolean isDistrictBureau(CurrentUser user) {
		return user.role() == Role.JURISDICTION_OFFICER && user.organisationId() != null
				&& organisations.findById(user.organisationId()).map(o -> o.parentId() == null).orElse(false);
	}
}
