package se.hjalpmedelsnav.connectors.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import se.hjalpmedelsnav.connectors.filedrop.FileDropProperties.Mode;

class FileDropPropertiesTest {

    @Test
    void defaultsToALocalFolderForTheEmbeddedHub() {
        FileDropProperties properties = bind(Map.of());

        assertThat(properties.mode()).isEqualTo(Mode.LOCAL);
        assertThat(properties.directory()).isEqualTo(Path.of("data", "filedrop"));
        assertThat(properties).extracting(FileDropProperties::outbox, FileDropProperties::inbox,
                FileDropProperties::processed, FileDropProperties::error)
                .containsExactly("outbox", "inbox", "processed", "error");
        assertThat(properties.pollDelay()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void bindsACompleteSftpDropAndNeverShowsItsSecrets() {
        Map<String, String> sftp = sftp();
        sftp.put("nav.filedrop.sftp.private-key-passphrase", "key-passphrase-1");

        FileDropProperties properties = bind(sftp);

        assertThat(properties.sftp().port()).isEqualTo(2222);
        assertThat(properties.toString()).doesNotContain("sftp-password-1", "key-passphrase-1")
                .contains("password=[redacted]", "privateKeyPassphrase=[redacted]", "host=sftp.supplier.example");
    }

    @ParameterizedTest
    @CsvSource({
            "nav.filedrop.sftp.host, sftp.host",
            "nav.filedrop.sftp.username, sftp.username",
            "nav.filedrop.sftp.password, sftp.password or sftp.privateKeyFile",
            "nav.filedrop.sftp.known-hosts-file, sftp.knownHostsFile",
    })
    void refusesAnSftpDropWithoutWhatItNeeds(String left, String field) {
        Map<String, String> sftp = sftp();
        sftp.remove(left);

        assertThatThrownBy(() -> bind(sftp)).isInstanceOf(BindException.class)
                .rootCause().hasMessage("nav.filedrop." + field + " is missing or invalid");
    }

    @Test
    void acceptsAPrivateKeyInsteadOfAPassword() {
        Map<String, String> sftp = sftp();
        sftp.remove("nav.filedrop.sftp.password");
        sftp.put("nav.filedrop.sftp.private-key-file", "/etc/hub/filedrop_ed25519");

        assertThat(bind(sftp).sftp().privateKeyFile()).isEqualTo(Path.of("/etc/hub/filedrop_ed25519"));
    }

    private static Map<String, String> sftp() {
        Map<String, String> sftp = new HashMap<>();
        sftp.put("nav.filedrop.mode", "SFTP");
        sftp.put("nav.filedrop.sftp.host", "sftp.supplier.example");
        sftp.put("nav.filedrop.sftp.port", "2222");
        sftp.put("nav.filedrop.sftp.username", "hub");
        sftp.put("nav.filedrop.sftp.password", "sftp-password-1");
        sftp.put("nav.filedrop.sftp.known-hosts-file", "/etc/hub/known_hosts");
        return sftp;
    }

    private static FileDropProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("nav.filedrop", FileDropProperties.class);
    }
}
