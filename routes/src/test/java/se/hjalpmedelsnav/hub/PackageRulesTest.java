package se.hjalpmedelsnav.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.camel.builder.RouteBuilder;
import se.hjalpmedelsnav.hub.stage.StageRouteBuilder;

/**
 * The hub's package rules, kept by the build: no package of the hub depends on another that depends back
 * on it, the stage shape depends on no feature, and every route builder of a feature is a stage builder.
 */
@AnalyzeClasses(packages = {"se.hjalpmedelsnav.hub", "se.hjalpmedelsnav.broker"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

    @ArchTest
    static final ArchRule noCyclesBetweenTheHubsPackages = slices().matching("se.hjalpmedelsnav.hub.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theStageShapeDependsOnNoFeature = noClasses().that()
            .resideInAPackage("se.hjalpmedelsnav.hub.stage..")
            .should().dependOnClassesThat().resideInAnyPackage("se.hjalpmedelsnav.hub.intake..",
                    "se.hjalpmedelsnav.hub.supplier..", "se.hjalpmedelsnav.hub.incident..",
                    "se.hjalpmedelsnav.hub.admin..", "se.hjalpmedelsnav.hub.security..",
                    "se.hjalpmedelsnav.hub.tracking..", "se.hjalpmedelsnav.hub.broker..");

    @ArchTest
    static final ArchRule theBrokerVocabularyDependsOnNothingOfTheHub = noClasses().that()
            .resideInAPackage("se.hjalpmedelsnav.broker..")
            .should().dependOnClassesThat().resideInAPackage("se.hjalpmedelsnav.hub..");

    @ArchTest
    static final ArchRule everyFeatureRouteBuilderIsAStageBuilder = classes().that().areAssignableTo(RouteBuilder.class)
            .and().resideOutsideOfPackage("se.hjalpmedelsnav.hub.stage..")
            .should().beAssignableTo(StageRouteBuilder.class);

    @ArchTest
    static final ArchRule theHubDoesNotDependOnTheSupplierSimulator = noClasses()
            .should().dependOnClassesThat().resideInAPackage("..simulator..");
}
