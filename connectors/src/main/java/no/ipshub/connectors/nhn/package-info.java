/**
 * The edge for partners on Norsk helsenett: Dialogmelding 1.1 in a Hodemelding (MsgHead 1.2) envelope in, checked
 * against the published schemas kept in the project, answered with an application receipt (AppRec 1.1); hub
 * messages out to partners that receive over Norsk helsenett, sent through the EDI 2.0 API with retries.
 */
package no.ipshub.connectors.nhn;
