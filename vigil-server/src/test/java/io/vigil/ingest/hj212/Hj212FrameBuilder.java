package io.vigil.ingest.hj212;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data: HJ 212 data segments and frames with sensible defaults, built the way a data logger writes them. */
final class Hj212FrameBuilder {

	static final String EXAMPLE_SEGMENT = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;"
			+ "Flag=5;CP=&&RtdInterval=30&&";

	/** The example frame of HJ 212-2017, verbatim. */
	static final String EXAMPLE_FRAME = "##0101" + EXAMPLE_SEGMENT + "1C80\r\n";

	private String qn = "20160801085857223";

	private String st = "22";

	private String cn = "2011";

	private String pw = "123456";

	private String mn = "88888880000001";

	private int flag = 5;

	private String dataTime = "20160801085857";

	private final List<String> groups = new ArrayList<>();

	static Hj212FrameBuilder realTime() {
		return new Hj212FrameBuilder();
	}

	static Hj212FrameBuilder ofCn(String cn) {
		Hj212FrameBuilder builder = new Hj212FrameBuilder();
		builder.cn = cn;
		return builder;
	}

	Hj212FrameBuilder qn(String qn) {
		this.qn = qn;
		return this;
	}

	Hj212FrameBuilder mn(String mn) {
		this.mn = mn;
		return this;
	}

	Hj212FrameBuilder pw(String pw) {
		this.pw = pw;
		return this;
	}

	Hj212FrameBuilder flag(int flag) {
		this.flag = flag;
		return this;
	}

	Hj212FrameBuilder dataTime(String dataTime) {
		this.dataTime = dataTime;
		return this;
	}

	/** A group of {@code key=value} items, e.g. {@code "a01001-Rtd=23.5", "a01001-Flag=N"}. */
	Hj212FrameBuilder group(String... items) {
		groups.add(String.join(",", items));
		return this;
	}

	/** A real-time value with its flag. */
	Hj212FrameBuilder rtd(String code, String value, String flag) {
		return group(code + "-Rtd=" + value, code + "-Flag=" + flag);
	}

	String dataSegment() {
		List<String> cp = new ArrayList<>();
		if (dataTime != null) {
			cp.add("DataTime=" + dataTime);
		}
		cp.addAll(groups);
		return "QN=" + qn + ";ST=" + st + ";CN=" + cn + ";PW=" + pw + ";MN=" + mn + ";Flag=" + flag + ";CP=&&"
				+ String.join(";", cp) + "&&";
	}

	byte[] bytes() {
		return Hj212Encoder.frame(dataSegment());
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/** Reads one CR LF terminated frame and decodes it, which also checks the reply's length and CRC. */
	static Hj212Frame readReply(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		int current;
		while ((current = in.read()) != -1) {
			line.write(current);
			if (previous == '\r' && current == '\n') {
				break;
			}
			previous = current;
		}
		List<Hj212Decoded> decoded = new Hj212Decoder(9999).feed(line.toByteArray());
		assertThat(decoded).as("reply %s", line).singleElement().isInstanceOf(Hj212Frame.class);
		return (Hj212Frame) decoded.get(0);
	}
}
