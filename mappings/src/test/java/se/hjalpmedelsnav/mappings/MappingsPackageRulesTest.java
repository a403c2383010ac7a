package se.hjalpmedelsnav.mappings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rule packages of the mappings, kept by the build: the rule framework and the shared rules ({@code rules})
 * know no message type's own rules ({@code <type>.rules}) nor the table that registers them per type
 * ({@code ruletable}), so a type's rules depend on the framework and never the other way round.
 *
 * <p>Not (yet) a rule: {@code message} and the message types' packages depend on each other (each type implements
 * {@code message.KommunMessage}; {@code message.MessageContract} names every type).
 */
@AnalyzeClasses(packages = "se.hjalpmedelsnav.mappings.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class MappingsPackageRulesTest {

    @ArchTest
    static final ArchRule theRuleFrameworkKnowsNoTypesOwnRules = noClasses().that()
            .resideInAPackage("se.hjalpmedelsnav.mappings.rules")
            .should().dependOnClassesThat().resideInAnyPackage("se.hjalpmedelsnav.mappings.*.rules..",
                    "se.hjalpmedelsnav.mappings.ruletable..");
}
