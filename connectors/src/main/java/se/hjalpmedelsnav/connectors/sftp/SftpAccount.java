package se.hjalpmedelsnav.connectors.sftp;

import static org.apache.camel.builder.endpoint.StaticEndpointBuilders.sftp;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.builder.endpoint.dsl.SftpEndpointBuilderFactory.SftpEndpointBuilder;

/**
 * The hub's account on an outside party's SFTP server, and the one way to build an endpoint on it (the supplier's
 * file drop, Läkemedelsverket's folder). The server's host key is always checked against {@code knownHostsFile}.
 * Secrets never stand in an endpoint URI: the password and the key's passphrase are read from the Camel
 * (in the hub: Spring) properties named here when the endpoint is created.
 *
 * @param passwordProperty   the property holding the password, or null (a private key instead)
 * @param passphraseProperty the property holding the private key's passphrase, or null
 * @param connectTimeout     time allowed to open the connection, or null for the component's default
 */
public record SftpAccount(String host, int port, String username, Path knownHostsFile, Path privateKeyFile,
        String passwordProperty, String passphraseProperty, Duration connectTimeout) {

    /** An endpoint on {@code directory} of the server, producer and consumer options alike. */
    public SftpEndpointBuilder folder(String directory) {
        SftpEndpointBuilder endpoint = sftp(host + ":" + port + "/" + directory)
                .username(username)
                .strictHostKeyChecking("yes")
                .useUserKnownHostsFile(false);
        if (knownHostsFile != null) {
            endpoint.knownHostsFile(knownHostsFile.toString());
        }
        if (connectTimeout != null) {
            endpoint.advanced().connectTimeout((int) connectTimeout.toMillis());
        }
        if (passwordProperty != null) {
            endpoint.password("#property:" + passwordProperty);
        }
        if (privateKeyFile != null) {
            endpoint.privateKeyFile(privateKeyFile.toString());
        }
        if (passphraseProperty != null) {
            endpoint.privateKeyPassphrase("#property:" + passphraseProperty);
        }
        return endpoint;
    }

    @Override
    public String toString() {
        return "SftpAccount[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
}
