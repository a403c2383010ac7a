package se.hjalpmedelsnav.hub.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The standalone supplier simulator's admin side: what reached the supplier, and its mode (NORMAL, DOWN, …). */
final class SupplierSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    SupplierSimulator(int port) {
        this.port = port;
    }

    /** Every order the supplier holds, each with how many POSTs carried it ({@code receivedCount}). */
    JsonNode orders() throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(uri("/simulator/admin/orders")).timeout(Duration.ofSeconds(60))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("simulator admin answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    void switchTo(String mode) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(uri("/simulator/admin/mode"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("simulator did not switch to " + mode + ": " + response.statusCode());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
