package io.vigil.organisation;

import java.util.Arrays;

/** What a user may do; where they may do it is their {@link DataScope}. */
public enum Role {

	PLATFORM_ADMIN("platform_admin", "平台管理员"),
	DUTY_OFFICER("duty_officer", "值班员"),
	REGULATOR("regulator", "行业主管部门"),
	JURISDICTION_OFFICER("jurisdiction_officer", "属地监管人员"),
	ENTERPRISE_MANAGER("enterprise_manager", "企业管理员"),
	ENTERPRISE_OPERATOR("enterprise_operator", "企业操作员");

	private final String code;

	private final String label;

	Role(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public boolean isEnterpriseRole() {
		return this == ENTERPRISE_MANAGER || this == ENTERPRISE_OPERATOR;
	}

	/** The organisation kind a user of this role belongs to, or null for the platform admin (any or none). */
	public OrganisationKind organisationKind() {
		return switch (this) {
			case PLATFORM_ADMIN -> null;
			case DUTY_OFFICER -> OrganisationKind.DUTY_CENTER;
			case REGULATOR -> OrganisationKind.REGULATOR;
			case JURISDICTION_OFFICER -> OrganisationKind.REGION;
			case ENTERPRISE_MANAGER, ENTERPRISE_OPERATOR -> OrganisationKind.ENTERPRISE;
		};
	}

	public static Role fromCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown role '" + code + "'; known: "
					+ Arrays.stream(values()).map(Role::code).toList()));
	}
}
