package se.hjalpmedelsnav.hub.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Spring Security in front of everything: Hawtio ({@code /actuator/hawtio/}) and Jolokia (form login), the admin API (basic),
 * the supplier webhook (basic, SUPPLIER role) and the actuator (health open for probes). The hub's Hawtio plugin calls
 * the admin API on the console's login (session cookie, and the CSRF token on a POST).
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain hubSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/login", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/supplier/events", "/api/supplier/catalogues")
                                .hasRole("SUPPLIER")
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole("ADMIN", "VIEWER")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "VIEWER")
                        .anyRequest().authenticated())
                .formLogin(form -> form.defaultSuccessUrl("/actuator/hawtio/", false))
                .httpBasic(Customizer.withDefaults())
                // Machines (admin API, actuator, webhook) get 401 with a basic challenge, browsers the login page. The
                // console plugin's calls (X-Requested-With) get a plain 401: a challenge would pop up the browser's
                // own password dialog over the console when the session has ended.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                new AndRequestMatcher(new AntPathRequestMatcher("/api/**"),
                                        new RequestHeaderRequestMatcher("X-Requested-With", "XMLHttpRequest")))
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(),
                        new OrRequestMatcher(new AntPathRequestMatcher("/api/**"),
                                new AndRequestMatcher(new AntPathRequestMatcher("/actuator/**"),
                                        new NegatedRequestMatcher(new AntPathRequestMatcher("/actuator/hawtio/**"))))))
                .logout(logout -> logout.logoutUrl("/actuator/hawtio/auth/logout").logoutSuccessUrl("/login?logout"))
                // Hawtio is a single-page app: it sends the XSRF-TOKEN cookie back as a header on its Jolokia calls.
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        // Machine clients authenticate with basic auth on every call: no browser session to forge. A call
                        // to the API on the console's session (the hub's Hawtio plugin) sends the token like Hawtio does.
                        .ignoringRequestMatchers(SecurityConfiguration::apiCallWithoutSession))
                .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new JolokiaReadOnlyForViewers(), AuthorizationFilter.class)
                .addFilterAfter(new JolokiaMessageMasking(), JolokiaReadOnlyForViewers.class);
        return http.build();
    }

    /**
     * No Spring Security observations (a timer and span around each of its filters, its authentications and its
     * authorizations): nobody reads them, and on every request (two webhook calls per order) they cost more than the
     * filters they time. The requests themselves are still measured ({@code http.server.requests}).
     */
    @Bean
    public SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * An API call that a forged cross-site request cannot be: it brings its own credentials (basic auth) or no
     * session cookie at all (then it has no login to abuse and gets 401). The rest, calls on a console login, need
     * the CSRF token.
     */
    static boolean apiCallWithoutSession(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && (request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getRequestedSessionId() == null);
    }

    private static BasicAuthenticationEntryPoint apiEntryPoint() {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("hjalpmedelsnav");
        return entryPoint;
    }

    @Bean
    public UserDetailsService hubUserDetails(HubUsers hubUsers) {
        var manager = new InMemoryUserDetailsManager();
        for (HubUsers.User user : hubUsers.users()) {
            manager.createUser(User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        // Read-only on purpose: a store that can save passwords lets Spring Security re-hash a password
        // with bcrypt after a login, and then every basic-auth call (two supplier events per order)
        // costs a bcrypt check; that was three quarters of the hub's CPU under load.
        return manager::loadUserByUsername;
    }
}
