package io.sanjiaodi.contracts.common;

import java.time.LocalDate;

/** The newly appointed principal leader of a unit (谈话对象). */
public record Interviewee(
        String name,
        String position,
        String unitId,
        String unitName,
        String jurisdictionId,
        CadreLevel cadreLevel,
        LocalDate appointmentDate) {}
