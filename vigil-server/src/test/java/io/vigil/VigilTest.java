package io.vigil;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with its embedded PostgreSQL in a fresh directory. Every
 * test class with the same annotation shares one application context (and one database), so tests
 * must create their own data with unique codes rather than assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vigil.data-dir=${java.io.tmpdir}/vigil-test-${random.uuid}", "vigil.demo=false",
				"vigil.organisation.admin-username=admin", "vigil.organisation.admin-password=admin-password",
				"vigil.ingest.mqtt.port=0", "vigil.ingest.hj212.port=0" })
public @interface VigilTest {
}
