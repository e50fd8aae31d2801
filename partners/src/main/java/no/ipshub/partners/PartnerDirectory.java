package no.ipshub.partners;

import java.util.List;
import java.util.Optional;

/**
 * The partners the hub knows. {@link #find} answers who may exchange messages now; {@link #all} lists every
 * partner that still has its topics (active and suspended); {@link #lookUp} also remembers removed ones, for
 * reading what they sent before.
 */
public interface PartnerDirectory {

    /** The active partner with this id: one that may send and receive messages now. */
    Optional<Partner> find(String partnerId);

    /** Every active or suspended partner, in the order they were listed or added. */
    List<Partner> all();

    /** The partner with this id whatever its status, removed ones included. */
    default Optional<Partner> lookUp(String partnerId) {
        return all().stream().filter(p -> p.id().equals(partnerId)).findFirst();
    }
}
