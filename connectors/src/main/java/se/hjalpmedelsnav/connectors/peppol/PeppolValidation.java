package se.hjalpmedelsnav.connectors.peppol;

import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.w3c.dom.Document;

/**
 * The official validation of a Peppol BIS document the supplier sends, run by PHIVE: the UBL 2.1 schema, then the
 * OpenPeppol schematron of release 2026.5 (BIS 3.0.17; {@code phive-rules-peppol} 4.3.7). The rule sets are compiled
 * on first use (seconds), once per hub.
 *
 * <p>What it reports names the rule broken and where (an XPath or a schema error's position), never a value of the
 * document: the rules' own texts and the schema validator's messages may quote one.
 */
public class PeppolValidation {

    /** OpenPeppol Catalogue (T19), with or without response: {@code eu.peppol.bis3:catalogue:2026.5}. */
    public static final DVRCoordinate CATALOGUE = PeppolValidation2026_05.VID_OPENPEPPOL_CATALOGUE_V3;

    /** OpenPeppol Order Agreement (T110): {@code eu.peppol.bis3:order-agreement:2026.5}. */
    public static final DVRCoordinate ORDER_AGREEMENT = PeppolValidation2026_05.VID_OPENPEPPOL_ORDER_AGREEMENT_V3;

    /** At most this many breaches are named; the rest are counted. */
    static final int MOST_NAMED = 10;

    private volatile ValidationExecutorSetRegistry<IValidationSourceXML> ruleSets;

    /**
     * What of the rule set the document breaks, each as the rule's id and where; empty when it passes. The document
     * must come from a parser with DTDs and external entities off: PHIVE validates the tree it is given.
     */
    public List<String> breaches(Document document, DVRCoordinate ruleSet) {
        IValidationExecutorSet<IValidationSourceXML> executors = ruleSets().getOfID(ruleSet);
        if (executors == null) {
            throw new IllegalStateException("PHIVE has no rule set " + ruleSet.getAsSingleID());
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(), executors, ValidationSourceXML.create("supplier-document",
                        document));
        Set<String> breaches = new LinkedHashSet<>();
        results.forEachFlattened(error -> {
            if (error.isError()) {
                breaches.add(describe(error.getErrorID(), error.getErrorFieldName(), error.getErrorLocation()));
            }
        });
        long ran = StreamSupport.stream(results.spliterator(), false).filter(result -> !result.isSkipped()).count();
        List<String> named = new ArrayList<>(breaches.stream().limit(MOST_NAMED).toList());
        if (breaches.size() > MOST_NAMED) {
            named.add("and " + (breaches.size() - MOST_NAMED) + " more");
        }
        // A layer skipped (the schematron after a schema error) is not a pass.
        if (named.isEmpty() && ran != executors.getAllExecutors().size()) {
            named.add("only " + ran + " of " + executors.getAllExecutors().size() + " validation layers ran");
        }
        return List.copyOf(named);
    }

    private static String describe(String id, String field, com.helger.base.location.ILocation location) {
        String rule = id == null || id.isBlank() ? "UBL 2.1 schema" : id;
        if (field != null && !field.isBlank()) {
            // The schematron's location: an XPath of element names and positions, no content.
            return rule + " at " + field.replaceAll("\\[namespace-uri\\(\\)='[^']*'\\]", "");
        }
        if (location != null && location.hasLineNumber()) {
            return rule + " at line " + location.getLineNumber()
                    + (location.hasColumnNumber() ? ", column " + location.getColumnNumber() : "");
        }
        return rule;
    }

    private ValidationExecutorSetRegistry<IValidationSourceXML> ruleSets() {
        ValidationExecutorSetRegistry<IValidationSourceXML> loaded = ruleSets;
        if (loaded == null) {
            synchronized (this) {
                loaded = ruleSets;
                if (loaded == null) {
                    loaded = new ValidationExecutorSetRegistry<>();
                    PeppolValidation2026_05.init(loaded);
                    ruleSets = loaded;
                }
            }
        }
        return loaded;
    }
}
