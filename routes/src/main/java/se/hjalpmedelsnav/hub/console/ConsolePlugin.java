package se.hjalpmedelsnav.hub.console;

import io.hawt.springboot.HawtioPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells Hawtio to load the hub's plugin: the Module Federation container {@value #SCOPE} whose
 * {@code remoteEntry.js} the hub serves from {@value #URL} (the build packs it into the jar as
 * {@code static/nav-console/}). Hawtio calls the exposed module's {@code plugin} function after login; its pages
 * come before Hawtio's own, so Overview is the first page.
 */
@Configuration
public class ConsolePlugin {

    static final String SCOPE = "hjalpmedelsnav";
    static final String MODULE = "./plugin";
    static final String URL = "/nav-console";

    @Bean
    public HawtioPlugin hjalpmedelsnavPlugin() {
        return new HawtioPlugin(SCOPE, MODULE, URL);
    }
}
