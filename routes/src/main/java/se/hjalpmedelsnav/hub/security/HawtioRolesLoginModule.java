package se.hjalpmedelsnav.hub.security;

import io.hawt.web.auth.AuthenticationConfiguration;
import io.hawt.web.auth.RolePrincipal;
import java.lang.reflect.Constructor;
import java.security.Principal;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The second of the two JAAS login modules {@link HawtioSpringSecurity} gives Hawtio, after Spring
 * Security's {@code SecurityContextLoginModule}: it turns the logged-in user's Spring roles
 * ({@code ROLE_ADMIN}) into the role principals Hawtio checks ({@code admin}), so Hawtio authentication
 * stays on and follows Spring Security. (Hawtio's own module of this kind ships in
 * {@code hawtio-springboot-security}, an artifact not on this project's Maven mirror: STACK.md.)
 */
public class HawtioRolesLoginModule implements LoginModule {

    private Subject subject;
    private Class<? extends Principal> roleClass = RolePrincipal.class;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        if (options.get(AuthenticationConfiguration.class.getName()) instanceof AuthenticationConfiguration config
                && config.getDefaultRolePrincipalClass() != null) {
            roleClass = config.getDefaultRolePrincipalClass();
        }
    }

    @Override
    public boolean login() {
        return true;
    }

    @Override
    public boolean commit() throws LoginException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        try {
            Constructor<? extends Principal> role = roleClass.getConstructor(String.class);
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith("ROLE_")) {
                    subject.getPrincipals().add(role.newInstance(name.substring("ROLE_".length()).toLowerCase()));
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            throw new LoginException("cannot create Hawtio role principals: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeIf(roleClass::isInstance);
        return true;
    }
}
