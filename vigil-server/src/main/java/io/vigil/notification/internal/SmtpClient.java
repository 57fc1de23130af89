package io.vigil.notification.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.vigil.notification.NotificationSettings;

/**
 * Just enough SMTP (RFC 5321) to hand one UTF-8 text mail to a relay: EHLO, optional AUTH PLAIN, MAIL,
 * RCPT, DATA, QUIT. No TLS: point it at a relay on a trusted network (or add the mail starter later).
 */
final class SmtpClient {

	private final NotificationSettings.Smtp smtp;

	private final int timeoutMillis;

	SmtpClient(NotificationSettings.Smtp smtp, Duration timeout) {
		this.smtp = smtp;
		this.timeoutMillis = (int) timeout.toMillis();
	}

	void send(String to, String subject, String text) throws IOException {
		if (to.contains("\r") || to.contains("\n") || to.contains(">") || to.contains("<")) {
			throw new IOException("refusing malformed address " + to);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(smtp.host(), smtp.port()), timeoutMillis);
			socket.setSoTimeout(timeoutMillis);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			expect(in, 220);
			command(out, in, "EHLO vigil", 250);
			if (smtp.username() != null && !smtp.username().isEmpty()) {
				String token = Base64.getEncoder().encodeToString(("\0" + smtp.username() + "\0" + smtp.password())
					.getBytes(StandardCharsets.UTF_8));
				command(out, in, "AUTH PLAIN " + token, 235);
			}
			command(out, in, "MAIL FROM:<" + smtp.from() + ">", 250);
			command(out, in, "RCPT TO:<" + to + ">", 250);
			command(out, in, "DATA", 354);
			String encodedSubject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
			String body = Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
			String data = "From: <" + smtp.from() + ">\r\nTo: <" + to + ">\r\nSubject: " + encodedSubject
					+ "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
					+ "Content-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n.";
			command(out, in, data, 250);
			command(out, in, "QUIT", 221);
		}
	}

	private static void command(OutputStream out, BufferedReader in, String line, int expected) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		expect(in, expected);
	}

	/** Reads a possibly multi-line reply ("250-…" continues, "250 …" ends) and checks its code. */
	private static void expect(BufferedReader in, int expected) throws IOException {
		String line;
		do {
			line = in.readLine();
			if (line == null) {
				throw new IOException("SMTP server closed the connection");
			}
		}
		while (line.length() > 3 && line.charAt(3) == '-');
		if (!line.startsWith(String.valueOf(expected))) {
			throw new IOException("SMTP: expected " + expected + ", got " + line);
		}
	}
}
