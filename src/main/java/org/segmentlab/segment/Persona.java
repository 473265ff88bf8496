package org.segmentlab.segment;

import java.util.List;

/**
 * A cluster told as a person a marketing team can act on.
 *
 * @param name        short name ("Cash Advance Users")
 * @param description one paragraph, in raw units
 * @param strategies  a few strategy bullets
 * @param basis       the traits the draft was built from, so the user can judge it
 *                    ("CASH_ADVANCE: 2,060 vs 979 on average (+1.7 sd)")
 */
public record Persona(String name, String description, List<String> strategies, List<String> basis) {

    public Persona {
        strategies = List.copyOf(strategies);
        basis = List.copyOf(basis);
    }

    public Persona withName(String newName) {
        return new Persona(newName, description, strategies, basis);
    }
}
