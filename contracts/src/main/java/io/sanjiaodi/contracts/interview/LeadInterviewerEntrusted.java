package io.sanjiaodi.contracts.interview;

import io.sanjiaodi.contracts.common.PersonRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The city commission secretary entrusted a deputy secretary to lead this interview (DOMAIN.md §3). */
@Revision("1")
public record LeadInterviewerEntrusted(String interviewId, PersonRef secretary, PersonRef deputy, LocalDate entrustedOn) {
}
