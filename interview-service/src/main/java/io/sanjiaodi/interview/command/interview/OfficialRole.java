package io.sanjiaodi.interview.command.interview;

/** Posts of the commission that matter for who may lead or hand over an interview. */
public enum OfficialRole {
    /** 市纪委书记 */
    CITY_SECRETARY,
    /** 市纪委副书记 */
    CITY_DEPUTY_SECRETARY,
    /** 区县(市)纪委书记 */
    DISTRICT_SECRETARY,
    /** 派驻机构负责人 */
    STATIONED_AGENCY_HEAD,
    /** 纪检监察室主任 */
    SUPERVISION_OFFICE_DIRECTOR,
    /** 纪检监察室工作人员 */
    SUPERVISION_OFFICE_STAFF
}
