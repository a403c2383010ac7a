package se.hjalpmedelsnav.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The simulator in-process in a host whose own security guards every request (login, CSRF), as the hub's does,
 * and names no simulator path: the simulator's own filter chain, ahead of the host's, lets {@code /simulator/**}
 * through, and only that.
 */
@SpringBootTest(classes = SimulatorInSecuredHostTest.GuardedHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "nav.simulator.enabled=true",
                "nav.simulator.client-id=" + SimulatorInSecuredHostTest.CLIENT_ID,
                "nav.simulator.client-secret=" + SimulatorInSecuredHostTest.CLIENT_SECRET})
class SimulatorInSecuredHostTest {

    static final String CLIENT_ID = "hub-in-test";
    static final String CLIENT_SECRET = "host-test-secret";

    @Autowired
    TestRestTemplate http;

    @Test
    void theSimulatorTakesItsCallsWithoutTheHostsLoginOrCsrfToken() {
        var json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var mode = http.postForEntity("/simulator/admin/mode", new HttpEntity<>("{\"mode\":\"NORMAL\"}", json), String.class);
        assertThat(mode.getStatusCode()).as(mode.getBody()).isEqualTo(HttpStatus.OK);

        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", CLIENT_ID);
        form.add("client_secret", CLIENT_SECRET);
        var token = http.postForEntity("/simulator/oauth/token", form, String.class);
        assertThat(token.getStatusCode()).as(token.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(token.getBody()).contains("\"access_token\"");

        assertThat(http.getForEntity("/simulator/admin/orders", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theHostsOwnPathsStillNeedItsLogin() {
        assertThat(http.getForEntity("/api/admin/messages", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.postForEntity("/simulator-lookalike/admin/mode", "{}", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class GuardedHost {

        @Bean
        SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }

        @Bean
        InMemoryUserDetailsManager hostUsers() {
            return new InMemoryUserDetailsManager(User.withUsername("admin").password("{noop}admin-test").roles("ADMIN").build());
        }
    }
}
