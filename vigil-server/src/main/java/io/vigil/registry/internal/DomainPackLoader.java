package io.vigil.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.vigil.registry.DomainPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads domain packs: those shipped in the jar, then any in the data directory. A pack in the data
 * directory with the code of a shipped pack replaces it, so a site can adjust a pack without a
 * release. Any bad pack stops the start with a message naming the file, the field and the reason:
 * a half-loaded pack would silently leave sensors without types.
 */
public final class DomainPackLoader {

	private static final Logger log = LoggerFactory.getLogger(DomainPackLoader.class);

	private final ObjectReader reader;

	public DomainPackLoader(JsonMapper json) {
		// Unknown keys are refused so that a typo ("treshold") fails loudly instead of being ignored.
		this.reader = json.readerFor(DomainPack.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
	}

	public List<DomainPack> load(Path dataDirPacks) {
		Map<String, DomainPack> byCode = new LinkedHashMap<>();
		for (DomainPack pack : shipped()) {
			if (byCode.putIfAbsent(pack.code(), pack) != null) {
				throw new BadDomainPackException(pack.source(), "code", "pack '" + pack.code() + "' is shipped twice");
			}
		}
		for (DomainPack pack : external(dataDirPacks)) {
			DomainPack replaced = byCode.put(pack.code(), pack);
			if (replaced != null) {
				log.info("Domain pack '{}' from {} replaces the one shipped in {}", pack.code(), pack.source(),
						replaced.source());
			}
		}
		List<DomainPack> packs = new ArrayList<>(byCode.values());
		DomainPackCheck.checkUniqueTypeCodes(packs);
		return packs;
	}

	private List<DomainPack> shipped() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:domain-packs/*.json");
			Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
			List<DomainPack> packs = new ArrayList<>();
			for (Resource resource : resources) {
				try (InputStream in = resource.getInputStream()) {
					packs.add(read(in, "classpath:domain-packs/" + resource.getFilename()));
				}
			}
			return packs;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot list the shipped domain packs", e);
		}
	}

	private List<DomainPack> external(Path directory) {
		if (directory == null || !Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			List<DomainPack> packs = new ArrayList<>();
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					packs.add(read(in, file.toString()));
				}
			}
			return packs;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read domain packs in " + directory, e);
		}
	}

	/** Reads and checks one pack; public so that tests and tools can validate a file. */
	public DomainPack read(InputStream in, String source) {
		DomainPack raw;
		try {
			raw = reader.readValue(in);
		}
		catch (JacksonException e) {
			String field = e.getPath().stream()
				.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
			throw new BadDomainPackException(source, field, e.getOriginalMessage());
		}
		return DomainPackCheck.check(raw, source);
	}
}
