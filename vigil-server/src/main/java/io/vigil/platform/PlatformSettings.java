package io.vigil.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that concern the whole process rather than one business module.
 *
 * @param dataDir where the embedded database and other runtime files live (survives restarts)
 * @param demo whether to load the Binhai demo and start the live simulator
 * @param maxBodyBytes largest request body accepted by the API; larger bodies get 413
 */
@ConfigurationProperties("vigil")
public record PlatformSettings(
		@DefaultValue("./data") Path dataDir,
		@DefaultValue("false") boolean demo,
		@DefaultValue("16777216") long maxBodyBytes) {
}
