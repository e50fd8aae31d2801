package no.ipshub.routes.partner;

import java.util.List;
import java.util.Optional;

/** The partners the hub knows, read from the partners file (or the database). */
public interface PartnerDirectory {

    /** The partner with this id, if known. */
    Optional<Partner> find(String partnerId);

    /** All partners, in the order they are listed. */
    List<Partner> all();
}
