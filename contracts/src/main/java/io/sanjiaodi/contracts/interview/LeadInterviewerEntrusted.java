package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.PersonRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The city commission secretary entrusted a deputy secretary to lead this interview (docs/domain.md §2). */
@Revision("1")
public record LeadInterviewerEntrusted(
        String interviewId, PersonRef secretary, PersonRef deputy, LocalDate entrustedOn) {}
