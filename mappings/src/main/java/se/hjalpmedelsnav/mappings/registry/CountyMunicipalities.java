package se.hjalpmedelsnav.mappings.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The municipalities of Västra Götaland with their public SCB codes, read from the CSV bundled
 * with this module (reference/vg-kommuner.csv: header {@code kommunCode,name}, one municipality
 * a line).
 */
public final class CountyMunicipalities {

    static final String RESOURCE = "/reference/vg-kommuner.csv";

    // Read once: the list is public reference data that changes only with a new release.
    private static final CountyMunicipalities BUNDLED = read(RESOURCE);

    private final Map<String, String> namesByCode;

    private CountyMunicipalities(Map<String, String> namesByCode) {
        this.namesByCode = Collections.unmodifiableMap(namesByCode);
    }

    /** The 49 municipalities of the county as bundled with this module. */
    public static CountyMunicipalities load() {
        return BUNDLED;
    }

    public boolean contains(String code) {
        return code != null && namesByCode.containsKey(code);
    }

    /** The municipality's name, or null when the code is not one of the county's. */
    public String name(String code) {
        return code == null ? null : namesByCode.get(code);
    }

    /** All codes in the order of the reference file. */
    public List<String> codes() {
        return List.copyOf(namesByCode.keySet());
    }

    private static CountyMunicipalities read(String resource) {
        InputStream in = CountyMunicipalities.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Reference file " + resource + " is missing from the classpath");
        }
        Map<String, String> names = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("kommunCode,name")) {
                throw new IllegalStateException("Reference file " + resource + " lacks the header kommunCode,name");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split(",", -1);
                if (columns.length != 2 || !columns[0].strip().matches("\\d{4}") || columns[1].isBlank()) {
                    throw new IllegalStateException("Reference file " + resource + " line " + lineNumber
                            + ": expected a four-digit code and a name");
                }
                names.put(columns[0].strip(), columns[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + resource, e);
        }
        return new CountyMunicipalities(names);
    }
}
