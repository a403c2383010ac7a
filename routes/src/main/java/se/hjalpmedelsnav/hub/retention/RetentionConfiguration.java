package se.hjalpmedelsnav.hub.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties;
import se.hjalpmedelsnav.connectors.lakemedelsverket.LakemedelsverketChannel;
import se.hjalpmedelsnav.hub.admin.DeadLetters;
import se.hjalpmedelsnav.hub.incident.IncidentProperties;
import se.hjalpmedelsnav.hub.incident.IncidentReportRecord;
import se.hjalpmedelsnav.hub.incident.IncidentReportStore;
import se.hjalpmedelsnav.hub.lease.JobLease;

/** The purge's parts, from {@code nav.retention.*}; a policy that breaks its own rules stops the start. */
@Configuration
public class RetentionConfiguration {

    @Bean
    RetentionAudit retentionAudit(JdbcTemplate jdbc) {
        return new RetentionAudit(jdbc);
    }

    @Bean
    ParkedMessageRetention parkedMessageRetention(DeadLetters deadLetters, RetentionAudit audit,
            RetentionProperties properties, MeterRegistry meters) {
        return new ParkedMessageRetention(deadLetters, audit, properties.deadLetters(), meters);
    }

    @Bean
    RetentionPurge retentionPurge(RetentionProperties properties, JdbcTemplate jdbc, FileDropProperties fileDrop,
            IncidentProperties incident, IncidentReportStore incidentReports, ParkedMessageRetention parkedMessages,
            RetentionAudit audit, MeterRegistry meters, Clock clock) {
        var problems = properties.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("nav.retention is not a policy the hub can keep: "
                    + String.join("; ", problems));
        }
        return new RetentionPurge(properties, new JobLease(jdbc, RetentionPurge.LEASE, JobLease.thisHub()),
                new DatabasePurge(jdbc, properties),
                folders(fileDrop, incident, incidentReports), parkedMessages, audit, meters, clock);
    }

    /**
     * The folders on this machine. The file drop's on an SFTP server and an authority channel other than FOLDER are
     * the server's to keep, not swept from here.
     */
    static RetentionPurge.Folders folders(FileDropProperties fileDrop, IncidentProperties incident,
            IncidentReportStore incidentReports) {
        boolean localFileDrop = fileDrop.mode() == FileDropProperties.Mode.LOCAL;
        boolean authorityFolder = incident.authority().channel() == LakemedelsverketChannel.Kind.FOLDER;
        return new RetentionPurge.Folders(
                localFileDrop ? fileDrop.directory().resolve(fileDrop.processed()) : null,
                localFileDrop ? fileDrop.directory().resolve(fileDrop.error()) : null,
                authorityFolder ? Path.of(incident.authority().folder()) : null,
                Path.of(incident.confirmations().folder()).resolve("processed"),
                Path.of(incident.confirmations().errorFolder()),
                hubReference -> incidentReports.find(hubReference).map(IncidentReportRecord::confirmedAt)
                        .map(confirmed -> confirmed.toInstant()));
    }
}
