package io.vigil.organisation;

/**
 * The signed-in user, as controllers receive it ({@code @AuthenticationPrincipal CurrentUser user})
 * and pass it to services, which decide with it.
 */
public record CurrentUser(long id, String username, String displayName, Role role, Long organisationId,
		DataScope scope) {

	public boolean isAdmin() {
		return role == Role.PLATFORM_ADMIN;
	}

	/** May this user see data owned by the organisation? */
	public boolean canRead(Organisation owner) {
		return scope.includes(owner);
	}

	/**
	 * May this user change data (assets, sensors, keys, users) owned by the enterprise? Admins anywhere;
	 * enterprise managers in their own enterprise; jurisdiction officers inside their subtree.
	 */
	public boolean canWriteEnterpriseData(Organisation enterprise) {
		return switch (role) {
			case PLATFORM_ADMIN -> true;
			case ENTERPRISE_MANAGER, JURISDICTION_OFFICER -> scope.includes(enterprise);
			default -> false;
		};
	}
}
