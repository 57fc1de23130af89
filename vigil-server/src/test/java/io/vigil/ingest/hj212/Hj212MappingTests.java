package io.vigil.ingest.hj212;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The access passwords of the mapping: who gets in, and what the operator is told when someone does not. */
class Hj212MappingTests {

	private final Hj212Mapping mapping = Hj212Mapping.parse("""
			# logger 1: two sensors and its password
			MN1,a01001,S1
			MN1,a01002,S2
			MN1, PW=abc123
			# logger 2: mapped, but nobody set its password
			MN2,a01001,S3
			""");

	@Test
	void admitsAFrameCarryingItsLoggersPassword() {
		assertThat(mapping.check(header("MN1", "abc123"))).isEmpty();
	}

	@Test
	void refusesAWrongPasswordWithoutRevealingTheRightOne() {
		assertThat(mapping.check(header("MN1", "abc124"))).hasValueSatisfying(denial -> {
			assertThat(denial.reason()).isEqualTo(Hj212Denial.Reason.WRONG_PASSWORD);
			assertThat(denial.detail()).contains("MN1").doesNotContain("abc123").doesNotContain("abc124");
		});
		assertThat(mapping.check(header("MN1", "abc1234"))).map(Hj212Denial::reason)
			.contains(Hj212Denial.Reason.WRONG_PASSWORD);
		assertThat(mapping.check(header("MN1", "ABC123"))).map(Hj212Denial::reason)
			.contains(Hj212Denial.Reason.WRONG_PASSWORD);
	}

	@Test
	void refusesAMappedLoggerWithoutPasswordAndSaysWhichLineToAdd() {
		assertThat(mapping.check(header("MN2", "whatever"))).hasValueSatisfying(denial -> {
			assertThat(denial.reason()).isEqualTo(Hj212Denial.Reason.NO_PASSWORD);
			assertThat(denial.detail()).contains("MN2,PW=");
		});
		assertThat(mapping.loggersWithoutPassword()).containsExactly("MN2");
	}

	@Test
	void refusesAnUnknownLogger() {
		assertThat(mapping.check(header("MN9", "abc123"))).map(Hj212Denial::reason)
			.contains(Hj212Denial.Reason.UNKNOWN_MN);
	}

	@Test
	void countsLoggersAndCodes() {
		assertThat(mapping.loggers()).isEqualTo(2);
		assertThat(mapping.size()).isEqualTo(3);
		assertThat(mapping.sensors("MN1")).containsExactlyInAnyOrder("S1", "S2");
		assertThat(Hj212Mapping.parse("MN3,PW=x").knows("MN3")).isTrue();
	}

	@Test
	void refusesPasswordLinesThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Mapping.parse(List.of("MN1,PW=a", "MN1,PW=b")))
			.withMessage("line 2 sets the password of MN MN1 again");
		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Mapping.parse(List.of("MN1,PW=")))
			.withMessage("line 1 must name an MN and a non-empty password: MN,PW=password");
		assertThatIllegalArgumentException().isThrownBy(() -> Hj212Mapping.parse(List.of("MN1,PW=a;b")))
			.withMessageContaining("cannot travel in an HJ 212 frame");
	}

	@Test
	void keepsPasswordsOutOfTextThatIsStored() {
		assertThat(Hj212Passwords.redact("QN=1;ST=22;CN=2011;PW=123456;MN=M;Flag=5;CP=&&&&"))
			.isEqualTo("QN=1;ST=22;CN=2011;PW=***;MN=M;Flag=5;CP=&&&&");
		assertThat(Hj212Passwords.redact("PW=1;MN=M")).isEqualTo("PW=***;MN=M");
		assertThat(Hj212Passwords.redact("ST=22;CN=2011;PW=12")).isEqualTo("ST=22;CN=2011;PW=***");
		assertThat(Hj212Passwords.redact("CP=&&a01001-Rtd=1&&")).isEqualTo("CP=&&a01001-Rtd=1&&");
	}

	@Test
	void comparesPasswordsExactly() {
		assertThat(Hj212Passwords.matches("123456", "123456")).isTrue();
		assertThat(Hj212Passwords.matches("123456", "12345")).isFalse();
		assertThat(Hj212Passwords.matches("123456", "")).isFalse();
	}

	private static Hj212Header header(String mn, String pw) {
		return new Hj212Header("20240101000000001", "22", "2011", pw, mn, new Hj212Flag(5), null, null);
	}
}
