package se.hjalpmedelsnav.hub.security;

import io.hawt.web.auth.AuthenticationConfiguration;
import io.hawt.web.auth.AuthenticationContainerDiscovery;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import org.springframework.security.authentication.jaas.SecurityContextLoginModule;

/**
 * Puts Hawtio's authentication on Spring Security: who is logged in and with which roles is what
 * {@link SecurityConfiguration} decided. Hawtio loads it by name from
 * {@code hawtio.authenticationContainerDiscoveryClasses} (application.yml), its hook for a deployment's
 * own authentication, while it sets up its authentication filter.
 *
 * <p>It does what Hawtio's Spring Boot support does itself once it finds the class
 * {@code io.hawt.springboot.security.HawtioSpringSecurityLoginModule} of the {@code hawtio-springboot-security}
 * artifact, which is not on this project's Maven mirror (STACK.md): Spring Security mode on (Hawtio asks
 * the servlet request for the user, leaves login and logout to Spring Security), and JAAS with Spring
 * Security's {@link SecurityContextLoginModule} (required: the user Spring authenticated) followed by
 * {@link HawtioRolesLoginModule} (the Hawtio roles of that user's Spring roles).
 */
public class HawtioSpringSecurity implements AuthenticationContainerDiscovery {

    @Override
    public String getContainerName() {
        return "Spring Security";
    }

    @Override
    public boolean registerContainerAuthentication(AuthenticationConfiguration hawtio) {
        hawtio.setSpringSecurityEnabled(true);
        hawtio.addConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
                return new AppConfigurationEntry[] {
                        new AppConfigurationEntry(SecurityContextLoginModule.class.getName(),
                                LoginModuleControlFlag.REQUIRED, Map.of()),
                        // The role principal class Hawtio settles on is known only after this call; the module reads it
                        // from the configuration when a login starts.
                        new AppConfigurationEntry(HawtioRolesLoginModule.class.getName(),
                                LoginModuleControlFlag.OPTIONAL, Map.of(AuthenticationConfiguration.class.getName(), hawtio))};
            }
        });
        return true;
    }
}
