package se.hjalpmedelsnav.bench.baseline;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The bare Spring Boot + Camel + Hawtio application whose start-up the hub's is compared with. */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    @Bean
    RouteBuilder tick() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:tick?period=60000").routeId("tick").log("tick");
            }
        };
    }
}
