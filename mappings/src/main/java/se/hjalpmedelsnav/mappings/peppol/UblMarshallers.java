package se.hjalpmedelsnav.mappings.peppol;

import com.helger.jaxb.GenericJAXBMarshaller;
import com.helger.ubl21.UBL21Marshaller;
import oasis.names.specification.ubl.schema.xsd.catalogue_21.CatalogueType;
import oasis.names.specification.ubl.schema.xsd.despatchadvice_21.DespatchAdviceType;
import oasis.names.specification.ubl.schema.xsd.order_21.OrderType;
import oasis.names.specification.ubl.schema.xsd.orderresponse_21.OrderResponseType;

/**
 * The UBL 2.1 marshallers, checking the UBL schema both ways but silent about what they find:
 * ph-jaxb's default handlers log the offending XML, which may hold personal data. A violation
 * makes reading or writing answer null, which the callers turn into their own message.
 */
public final class UblMarshallers {

    private UblMarshallers() {
    }

    static GenericJAXBMarshaller<OrderType> order() {
        return quiet(UBL21Marshaller.order()).setFormattedOutput(true);
    }

    static GenericJAXBMarshaller<OrderResponseType> orderResponse() {
        return quiet(UBL21Marshaller.orderResponse());
    }

    public static GenericJAXBMarshaller<CatalogueType> catalogue() {
        return quiet(UBL21Marshaller.catalogue());
    }

    static GenericJAXBMarshaller<DespatchAdviceType> despatchAdvice() {
        return quiet(UBL21Marshaller.despatchAdvice());
    }

    private static <T> GenericJAXBMarshaller<T> quiet(GenericJAXBMarshaller<T> marshaller) {
        // Stop at the first schema violation without reporting it anywhere.
        marshaller.setValidationEventHandler(event -> false);
        marshaller.readExceptionCallbacks().removeAll();
        marshaller.writeExceptionCallbacks().removeAll();
        return marshaller;
    }
}
