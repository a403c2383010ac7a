package se.hjalpmedelsnav.mappings.peppol;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * The official validation of a Peppol BIS document, run by PHIVE: the UBL 2.1 schema and then the
 * OpenPeppol schematron of release 2026.5 (BIS 3.0.17). Compiling the rules takes seconds, so one
 * registry serves all tests.
 */
public final class PeppolRules {

    public static final DVRCoordinate ORDER = PeppolValidation2026_05.VID_OPENPEPPOL_ORDER_V3;
    public static final DVRCoordinate ORDER_RESPONSE = PeppolValidation2026_05.VID_OPENPEPPOL_ORDER_RESPONSE_V3;
    public static final DVRCoordinate DESPATCH_ADVICE = PeppolValidation2026_05.VID_OPENPEPPOL_DESPATCH_ADVICE_V3;
    public static final DVRCoordinate CATALOGUE = PeppolValidation2026_05.VID_OPENPEPPOL_CATALOGUE_V3;
    public static final DVRCoordinate ORDER_AGREEMENT = PeppolValidation2026_05.VID_OPENPEPPOL_ORDER_AGREEMENT_V3;

    private static final ValidationExecutorSetRegistry<IValidationSourceXML> RULE_SETS = load();

    private PeppolRules() {
    }

    private static ValidationExecutorSetRegistry<IValidationSourceXML> load() {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        PeppolValidation2026_05.init(registry);
        return registry;
    }

    /** Every error and warning PHIVE finds, each as "[rule id or location] text"; empty when the document is clean. */
    public static List<String> findings(String xml, DVRCoordinate ruleSet) {
        IValidationExecutorSet<IValidationSourceXML> executors = RULE_SETS.getOfID(ruleSet);
        if (executors == null) {
            throw new IllegalStateException("PHIVE has no rule set " + ruleSet.getAsSingleID());
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), executors, ValidationSourceXML.create("document", parse(xml)));
        List<String> findings = new ArrayList<>();
        results.forEachFlattened(error -> findings.add(error.getAsString(Locale.ENGLISH)));
        // Every executor (schema, then schematron) must have run: a skipped layer would hide errors.
        int layers = executors.getAllExecutors().size();
        long ran = StreamSupport.stream(results.spliterator(), false).filter(result -> !result.isSkipped()).count();
        if (ran != layers) {
            findings.add("only " + ran + " of " + layers + " validation layers ran");
        }
        return findings;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("test document is not well-formed", e);
        }
    }
}
