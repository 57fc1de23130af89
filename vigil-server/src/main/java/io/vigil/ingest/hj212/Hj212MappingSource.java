package io.vigil.ingest.hj212;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the {@link Hj212Mapping} comes from: a file, read anew on every {@link #load()}, followed by fixed inline
 * lines from the configuration. Errors name the place the operator has to edit, file line or inline entry.
 *
 * @param file the mapping file
 * @param fileRequired whether a missing file is an error (one somebody named) or just no lines (the default one)
 * @param inline lines that come after the file's
 */
record Hj212MappingSource(Path file, boolean fileRequired, List<String> inline) {

	private static final Pattern LINE_NUMBER = Pattern.compile("^line (\\d+)");

	Hj212MappingSource {
		inline = List.copyOf(inline);
	}

	/**
	 * Reads and parses the file and the inline lines.
	 * @throws IllegalArgumentException naming the file line or inline entry that is wrong
	 * @throws UncheckedIOException when the file cannot be read, or is required and missing
	 */
	Hj212Mapping load() {
		List<String> lines = new ArrayList<>();
		try {
			lines.addAll(Files.readAllLines(file));
		}
		catch (NoSuchFileException e) {
			if (fileRequired) {
				throw new UncheckedIOException("mapping file " + file + " does not exist", e);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read mapping file " + file + ": " + e, e);
		}
		int fromFile = lines.size();
		lines.addAll(inline);
		try {
			return Hj212Mapping.parse(lines);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(where(e.getMessage(), fromFile), e);
		}
	}

	// Hj212Mapping numbers lines across file and inline entries; say which one the operator has to edit.
	private String where(String message, int fromFile) {
		Matcher line = LINE_NUMBER.matcher(message);
		if (!line.find()) {
			return message;
		}
		int number = Integer.parseInt(line.group(1));
		String place = number <= fromFile ? file + " line " + number
				: "vigil.ingest.hj212.mapping[" + (number - fromFile - 1) + "]";
		return place + message.substring(line.end());
	}
}
