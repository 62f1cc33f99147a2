package io.sanjiaodi.contracts.registry;

import java.util.List;
import org.axonframework.serialization.Revision;

/** An official's registry entry changed; every field says the entry as it is now (see {@link PersonRegistered}). */
@Revision("1")
public record PersonRevised(
        String personId,
        String name,
        String post,
        String role,
        String jurisdictionId,
        List<String> supervisedUnitIds) {}
