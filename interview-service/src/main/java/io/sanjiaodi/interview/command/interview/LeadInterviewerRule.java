package io.sanjiaodi.interview.command.interview;

import io.sanjiaodi.contracts.common.Interviewee;
import io.sanjiaodi.contracts.common.PersonRef;
import io.sanjiaodi.platform.Refusal;
import java.util.Optional;

/**
 * Who may lead the talk (docs/domain.md §2):
 * city-managed → the city commission secretary, or a deputy secretary entrusted by the secretary;
 * county-managed → the commission secretary of the interviewee's county-level district;
 * city-department-managed → the head of the stationed agency supervising the interviewee's unit.
 */
public final class LeadInterviewerRule {

    private LeadInterviewerRule() {}

    /** @param entrustedBy the secretary who entrusted {@code lead}, if an entrustment is on record */
    public static Optional<Refusal> check(Interviewee interviewee, Official lead, Official entrustedBy) {
        if (interviewee.cadreLevel() == null) {
            return refuse(
                    "CADRE_LEVEL_REQUIRED", "the interviewee's cadre management level decides the lead interviewer");
        }
        return switch (interviewee.cadreLevel()) {
            case CITY_MANAGED -> cityManaged(lead, entrustedBy);
            case COUNTY_MANAGED ->
                lead.role() == OfficialRole.DISTRICT_SECRETARY
                                && lead.jurisdictionId().equals(interviewee.jurisdictionId())
                        ? Optional.empty()
                        : refuse(
                                "LEAD_NOT_DISTRICT_SECRETARY",
                                "a county-managed leader is interviewed by the commission " + "secretary of district "
                                        + interviewee.jurisdictionId() + ", not by " + describe(lead));
            case CITY_DEPARTMENT_MANAGED ->
                lead.role() == OfficialRole.STATIONED_AGENCY_HEAD
                                && lead.supervisedUnitIds().contains(interviewee.unitId())
                        ? Optional.empty()
                        : refuse(
                                "LEAD_NOT_STATIONED_AGENCY_HEAD",
                                "a leader managed by a city department is interviewed "
                                        + "by the head of the stationed agency supervising unit " + interviewee.unitId()
                                        + ", not by "
                                        + describe(lead));
        };
    }

    private static Optional<Refusal> cityManaged(Official lead, Official entrustedBy) {
        if (lead.role() == OfficialRole.CITY_SECRETARY) {
            return Optional.empty();
        }
        if (lead.role() != OfficialRole.CITY_DEPUTY_SECRETARY) {
            return refuse(
                    "LEAD_NOT_CITY_SECRETARY",
                    "a city-managed leader is interviewed by the city commission "
                            + "secretary or an entrusted deputy secretary, not by " + describe(lead));
        }
        if (entrustedBy == null) {
            return refuse(
                    "ENTRUSTMENT_REQUIRED",
                    "deputy secretary " + lead.name()
                            + " may lead only under a recorded entrustment by the city commission secretary");
        }
        if (entrustedBy.role() != OfficialRole.CITY_SECRETARY) {
            return refuse(
                    "ENTRUSTER_NOT_CITY_SECRETARY",
                    "only the city commission secretary can entrust a deputy, not " + describe(entrustedBy));
        }
        return Optional.empty();
    }

    /** The entrustment on record counts for the deputy it named; it was checked when recorded. */
    static Official entrusterOnRecord(PersonRef secretary, String deputyId, Official lead) {
        if (secretary == null || !lead.personId().equals(deputyId)) {
            return null;
        }
        return new Official(
                secretary.personId(), secretary.name(), secretary.post(), OfficialRole.CITY_SECRETARY, null, null);
    }

    private static String describe(Official official) {
        return official.name() + " (" + official.role() + ", " + official.jurisdictionId() + ")";
    }

    private static Optional<Refusal> refuse(String code, String message) {
        return Optional.of(Refusal.unprocessable(code, message));
    }
}
