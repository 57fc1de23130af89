package io.vigil.ingest.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.RejectCode;
import io.vigil.organisation.ApiKeys;
import io.vigil.organisation.Organisation;

/**
 * Connect: the user name is the enterprise code, the password its API key. The enterprise is remembered on the
 * connection for the publish check.
 */
final class EnterpriseAuthenticator implements SimpleAuthenticator {

	static final String ENTERPRISE_ID = "vigil.enterprise.id";

	static final String ENTERPRISE_CODE = "vigil.enterprise.code";

	private final ApiKeys keys;

	private final IngestService ingest;

	EnterpriseAuthenticator(ApiKeys keys, IngestService ingest) {
		this.keys = keys;
		this.ingest = ingest;
	}

	@Override
	public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
		Optional<String> username = input.getConnectPacket().getUserName();
		Optional<String> password = input.getConnectPacket().getPassword().map(EnterpriseAuthenticator::text);
		Optional<Organisation> enterprise = password.flatMap(keys::authenticate)
			.filter(e -> username.isPresent() && e.code().equals(username.get()));
		if (enterprise.isEmpty()) {
			ingest.refuse(IngestChannel.MQTT, null, RejectCode.UNAUTHORIZED, "connect refused for user name '"
					+ username.orElse("") + "' from " + input.getConnectionInformation().getInetAddress().orElse(null),
					"client " + input.getClientInformation().getClientId());
			output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
					"user name must be the enterprise code and password its API key");
			return;
		}
		var attributes = input.getConnectionInformation().getConnectionAttributeStore();
		attributes.putAsString(ENTERPRISE_ID, String.valueOf(enterprise.get().id()));
		attributes.putAsString(ENTERPRISE_CODE, enterprise.get().code());
		output.authenticateSuccessfully();
	}

	private static String text(ByteBuffer bytes) {
		return StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
	}
}
