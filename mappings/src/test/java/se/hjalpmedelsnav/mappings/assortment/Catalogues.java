package se.hjalpmedelsnav.mappings.assortment;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Peppol BIS Catalogue without response 3 files for the tests, written from OpenPeppol's use cases 1-5
 * (poacc-upgrade-3, "Cataloge wo response use cases") with the hub's item properties; parties and articles FICTIONAL.
 */
public final class Catalogues {

    private Catalogues() {
    }

    /** A catalogue with that header action (null: none, i.e. Replace) and these lines. */
    public static String catalogue(String catalogueId, String headerAction, String... lines) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Catalogue xmlns="urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2"
                  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
                  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:catalogue:3</cbc:CustomizationID>
                  <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3</cbc:ProfileID>
                  <cbc:ID>%s</cbc:ID>
                  %s<cbc:IssueDate>2026-11-20</cbc:IssueDate>
                  <cac:ValidityPeriod><cbc:StartDate>2026-01-01</cbc:StartDate></cac:ValidityPeriod>
                  <cac:ProviderParty>
                    <cbc:EndpointID schemeID="0007">5569990004</cbc:EndpointID>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Hjälpmedelsleverantören AB (fiktiv)</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:ProviderParty>
                  <cac:ReceiverParty>
                    <cbc:EndpointID schemeID="0007">2120009994</cbc:EndpointID>
                    <cac:PartyLegalEntity><cbc:RegistrationName>Hjälpmedelsnav (fiktiv)</cbc:RegistrationName></cac:PartyLegalEntity>
                  </cac:ReceiverParty>
                %s
                </Catalogue>
                """.formatted(catalogueId, headerAction == null ? "" : "<cbc:ActionCode>" + headerAction + "</cbc:ActionCode>\n  ",
                Arrays.stream(lines).collect(Collectors.joining("\n")));
    }

    /** A line for that article with that action (null: none); properties as name=value pairs. */
    public static String line(String lineId, String action, String articleNumber, String name, Boolean orderable,
            String validity, String... properties) {
        String props = Arrays.stream(properties).map(p -> p.split("=", 2))
                .map(p -> "<cac:AdditionalItemProperty><cbc:Name>" + p[0] + "</cbc:Name><cbc:Value>" + p[1]
                        + "</cbc:Value></cac:AdditionalItemProperty>")
                .collect(Collectors.joining());
        return """
                  <cac:CatalogueLine>
                    <cbc:ID>%s</cbc:ID>
                    %s%s%s<cac:Item>
                      <cbc:Name>%s</cbc:Name>
                      <cac:SellersItemIdentification><cbc:ID>%s</cbc:ID></cac:SellersItemIdentification>
                      %s
                    </cac:Item>
                  </cac:CatalogueLine>""".formatted(lineId,
                action == null ? "" : "<cbc:ActionCode>" + action + "</cbc:ActionCode>",
                orderable == null ? "" : "<cbc:OrderableIndicator>" + orderable + "</cbc:OrderableIndicator>",
                validity == null ? "" : validity, name, articleNumber, props);
    }

    /** A LineValidityPeriod from..to (either may be null). */
    public static String validity(String from, String to) {
        return "<cac:LineValidityPeriod>" + (from == null ? "" : "<cbc:StartDate>" + from + "</cbc:StartDate>")
                + (to == null ? "" : "<cbc:EndDate>" + to + "</cbc:EndDate>") + "</cac:LineValidityPeriod>";
    }
}
