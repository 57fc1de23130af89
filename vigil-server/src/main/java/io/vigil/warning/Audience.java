package io.vigil.warning;

import java.util.Locale;

/**
 * A tier of people a warning can reach. Which tiers get which level is the level-to-recipients
 * matrix in {@link WarningSettings}; escalation widens a warning's audience to the next level's tiers.
 */
public enum Audience {

	/** 操作负责人 of a major hazard source, else the enterprise's operators. */
	ENTERPRISE_OPERATOR,
	/** 技术负责人, else the enterprise's managers. */
	ENTERPRISE_TECHNICAL,
	/** 主要负责人, else the enterprise's managers. */
	ENTERPRISE_PRINCIPAL,
	/** Jurisdiction officers of the regions between the enterprise and the district. */
	JURISDICTION,
	/** Users of the industry regulators whose region and industries cover the enterprise. */
	REGULATOR,
	/** The officers on duty (by roster) of the duty centers covering the enterprise; all of them when no roster. */
	DUTY_CENTER,
	/** Users of the root region (the district emergency bureau). */
	DISTRICT_BUREAU,
	/** Users of every region up the chain, the root included (there is no separate leader role yet). */
	LEADERS;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}
}
