package io.sanjiaodi.contracts.common;

/** Who manages the interviewee's post; it decides who must lead the interview (docs/domain.md §2). */
public enum CadreLevel {
    /** 市管 */
    CITY_MANAGED,
    /** 区县(市)管理 */
    COUNTY_MANAGED,
    /** 市直单位党委(党组)管理 */
    CITY_DEPARTMENT_MANAGED
}
