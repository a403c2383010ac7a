package se.hjalpmedelsnav.hub.supplier.filedrop;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import se.hjalpmedelsnav.connectors.peppol.PeppolValidation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import se.hjalpmedelsnav.connectors.filedrop.FileDropConfiguration;
import se.hjalpmedelsnav.hub.supplier.SupplierChannels;

/** The supplier file drop in the hub: its endpoints, its parties, and the memory of status files read. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SupplierChannels.class, PeppolPartiesProperties.class})
@Import(FileDropConfiguration.class)
public class FileDropHubConfiguration {

    /** Bean name the status-file route's consumer refers to. */
    public static final String STATUS_FILE_REPOSITORY = "supplierStatusFileRepository";

    /** The official Peppol rules, compiled on the first Order Agreement the supplier drops. */
    @Bean
    PeppolValidation peppolValidation() {
        return new PeppolValidation();
    }

    /**
     * Status files read, in the database (table of Flyway V2), so none is read twice after a restart, nor by two hubs
     * reading the same inbox.
     */
    @Bean(STATUS_FILE_REPOSITORY)
    JdbcMessageIdRepository supplierStatusFileRepository(DataSource dataSource) {
        return new ClaimedStatusFiles(dataSource);
    }
}
