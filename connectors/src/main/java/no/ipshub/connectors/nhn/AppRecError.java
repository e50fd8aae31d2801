package no.ipshub.connectors.nhn;

/**
 * The codes of an application receipt's errors the hub uses, from the code list "Feil i applikasjonskvittering"
 * (OID 2.16.578.1.12.4.1.1.8221), with the list's own texts.
 */
public enum AppRecError {
    /** Not XML, not well-formed, unreadable (a document type declaration or entity included). */
    T01("Ikke XML / ikke 'well formed' / uleselig"),
    /** Does not validate against the message's schemas. */
    T02("XML validerer ikke"),
    /** A message type or version the receiver does not support (another namespace, another message). */
    T10("Støtter ikke meldingsformatet"),
    /** The message id is missing or unusable. */
    E10("Ugyldig meldingsidentifikator"),
    /** The receiver named in the envelope is not known. */
    E21("Mottaker finnes ikke"),
    /** The patient, here the case, is not known to the receiver. */
    E35("Pasienten finnes ikke i mottakersystemet"),
    /** Anything else; the receipt's text says what. */
    X99("Annen feil");

    /** The code list's OID, the {@code S} attribute of each error. */
    public static final String CODE_SYSTEM = "2.16.578.1.12.4.1.1.8221";

    private final String text;

    AppRecError(String text) {
        this.text = text;
    }

    /** The code list's text for the code ({@code DN}). */
    public String text() {
        return text;
    }
}
