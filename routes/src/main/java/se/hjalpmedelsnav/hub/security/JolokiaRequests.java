package se.hjalpmedelsnav.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the console's Jolokia filters ask of a request: is it Jolokia, and is the caller an ADMIN. */
final class JolokiaRequests {

    private JolokiaRequests() {
    }

    /** Hawtio's Jolokia and the actuator's. */
    static boolean isJolokia(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/hawtio/jolokia") || path.startsWith("/actuator/jolokia");
    }

    static boolean callerIsAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
