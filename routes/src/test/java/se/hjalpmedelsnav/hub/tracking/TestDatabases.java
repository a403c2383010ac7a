package se.hjalpmedelsnav.hub.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases the database tests run on: always an embedded H2 (as in the embedded default), and
 * the PostgreSQL server named by the system property {@value #POSTGRES_URL} when it is set (CI sets
 * it; a server that cannot be reached then fails the tests, it does not skip them). Each database
 * gets a fresh schema migrated by the hub's own Flyway migrations.
 */
public final class TestDatabases {

    public static final String POSTGRES_URL = "nav.test.postgres.url";

    private TestDatabases() {
    }

    public record TestDatabase(String name, DataSource dataSource, Runnable drop) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<TestDatabase> all() {
        var databases = new ArrayList<TestDatabase>();
        databases.add(h2());
        String postgres = System.getProperty(POSTGRES_URL);
        if (postgres != null && !postgres.isBlank()) {
            databases.add(postgres(postgres));
        }
        return databases;
    }

    public static TestDatabase h2() {
        String name = "nav" + UUID.randomUUID().toString().replace("-", "");
        var ds = new DriverManagerDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        migrate(ds, null);
        return new TestDatabase("H2", ds, () -> new JdbcTemplate(ds).execute("shutdown"));
    }

    public static TestDatabase postgres(String url) {
        String schema = "nav_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var admin = new DriverManagerDataSource(url, System.getProperty("nav.test.postgres.user", "postgres"),
                System.getProperty("nav.test.postgres.password", ""));
        new JdbcTemplate(admin).execute("create schema " + schema);
        var ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                System.getProperty("nav.test.postgres.user", "postgres"),
                System.getProperty("nav.test.postgres.password", ""));
        migrate(ds, schema);
        return new TestDatabase("PostgreSQL", ds,
                () -> new JdbcTemplate(admin).execute("drop schema " + schema + " cascade"));
    }

    private static void migrate(DataSource ds, String schema) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
        if (schema != null) {
            config.schemas(schema);
        }
        config.load().migrate();
    }
}
