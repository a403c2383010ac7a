package se.hjalpmedelsnav.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the CSRF token cookie on every response. Spring Security creates the token lazily and
 * replaces it at login; a single-page app such as Hawtio never asks for it, so without this the
 * cookie it echoes on its Jolokia calls is missing after the login and every call is refused.
 */
class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken(); // loading the deferred token makes the repository write the cookie
        }
        chain.doFilter(request, response);
    }

    /** The API's machine clients send no CSRF token (SecurityConfiguration ignores it there): no cookie for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
