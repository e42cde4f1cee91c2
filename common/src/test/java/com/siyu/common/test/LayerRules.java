package com.siyu.common.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps: {@code api → domain ← infra}. Domain code knows neither the web
 * nor the database; rows and mappers never leave {@code infra}; controllers never touch {@code infra}.
 */
public final class LayerRules {

    private LayerRules() {
    }

    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);

        String api = basePackage + "..api..";
        String domain = basePackage + "..domain..";
        String infra = basePackage + "..infra..";
        noClasses().that().resideInAPackage(domain)
                .should().dependOnClassesThat().resideInAnyPackage(api, infra)
                .because("domain logic must not know the web layer or the persistence layer")
                .check(classes);
        noClasses().that().resideInAPackage(api)
                .should().dependOnClassesThat().resideInAPackage(infra)
                .because("controllers talk to the domain, never to rows or mappers")
                .check(classes);
        classes().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleNameEndingWith("Row")
                .should().resideInAPackage(infra)
                .because("rows and MyBatis mappers are persistence details")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideOutsideOfPackage(infra)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Row")
                .because("rows never leave infra")
                .check(classes);
    }
}
