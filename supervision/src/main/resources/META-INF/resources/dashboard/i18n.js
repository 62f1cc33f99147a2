// zh-CN by default, English on the switch; every visible text goes through t().
const TEXT = {
  zh: {
    brand: '三交底廉政谈话监督平台', 'nav.overview': '总览', 'nav.ledgers': '整改台账', 'nav.units': '年度考评',
    'nav.accountability': '追责问责', 'nav.audit': '审计记录', 'nav.verify': '文书核验', 'filter.year': '年度', 'filter.jurisdiction': '辖区',
    'filter.all': '全部', 'live.on': '实时更新', 'live.off': '未连接', switchTo: 'English',
    interviewsHeld: '谈话场次', ledgers: '整改台账', tasks: '整改任务', tasksOpen: '未销号', tasksOverdue: '已逾期',
    tasksClosed: '已销号', closureRate: '销号率', medianDaysToClose: '销号中位天数', reportsPending: '书面报告待交',
    reportsLate: '书面报告逾期', accountabilityCases: '问责案件', regulations: '建章立制',
    'chart.perMonth': '每月谈话场次', 'chart.closure': '整改销号情况', 'chart.overdue': '各辖区逾期任务',
    'chart.warnings': '预警等级', yellow: '黄色预警', orange: '橙色预警', red: '红色预警', open: '未销号', closed: '已销号',
    unit: '单位', jurisdiction: '辖区', year: '年度', status: '状态', deadline: '整改时限', leader: '责任领导',
    department: '责任部门', kind: '类别', text: '内容', evidence: '佐证材料', history: '过程记录', level: '预警',
    daysLeft: '剩余天数', interview: '谈话', conductedOn: '谈话日期', lead: '主谈人', score: '得分',
    verified: '已销号', overdue: '逾期', notRectified: '未整改', reportOnTime: '书面报告按时', yes: '是', no: '否',
    responsibilities: '主体责任履责清单', problems: '所在单位问题清单', risks: '重要廉政风险清单',
    warningsTitle: '逾期及预警任务', ledgerTitle: '整改台账', writtenReport: '书面报告', registration: '登记号',
    trackingEvaluation: '跟踪评估报告', filed: '已报送', notFiled: '未报送', closedOn: '台账关闭',
    caseId: '案件', grounds: '问责事由', openedOn: '立案日期', outcome: '处理结果', pending: '办理中',
    auditTitle: '审计记录（不可篡改、可验证）', type: '事件', source: '来源', recordedAt: '记录时间', verify: '验证',
    included: '已包含在最新签名检查点中', notIncluded: '验证失败', export: '导出', none: '暂无数据',
    verifyTitle: '文书核验', verifyCode: '输入文书上的核验码', eventTime: '发生时间', leafHash: '记录哈希',
    PROBLEM_RECTIFICATION: '问题整改', RISK_PREVENTION: '风险防控', DUTY: '履责事项',
    OPEN: '待制定方案', PLANNED: '整改中', VERIFIED: '已销号', RED: '红', ORANGE: '橙', YELLOW: '黄', traceTasks: '对应任务',
    signOut: '退出', 'role.LEADERSHIP': '委领导', 'role.SUPERVISION_OFFICE': '监督室', 'role.SUPERVISING_BODY': '派驻纪检监察组',
    'role.UNIT_LEADER': '单位主要负责人', 'role.UNIT_STAFF': '单位工作人员', 'role.AUDITOR': '审计员', 'role.ADMIN': '系统管理员'
  },
  en: {
    brand: 'Integrity interview supervision', 'nav.overview': 'Overview', 'nav.ledgers': 'Ledgers', 'nav.units': 'Annual evaluation',
    'nav.accountability': 'Accountability', 'nav.audit': 'Audit trail', 'nav.verify': 'Verify a document', 'filter.year': 'Year', 'filter.jurisdiction': 'Jurisdiction',
    'filter.all': 'All', 'live.on': 'live', 'live.off': 'offline', switchTo: '中文',
    interviewsHeld: 'Interviews held', ledgers: 'Ledgers', tasks: 'Tasks', tasksOpen: 'Open', tasksOverdue: 'Overdue',
    tasksClosed: 'Closed', closureRate: 'Closure rate', medianDaysToClose: 'Median days to close', reportsPending: 'Reports pending',
    reportsLate: 'Reports late', accountabilityCases: 'Accountability cases', regulations: 'Regulations',
    'chart.perMonth': 'Interviews per month', 'chart.closure': 'Tasks closed vs open', 'chart.overdue': 'Overdue by jurisdiction',
    'chart.warnings': 'Warning levels', yellow: 'Yellow', orange: 'Orange', red: 'Red', open: 'Open', closed: 'Closed',
    unit: 'Unit', jurisdiction: 'Jurisdiction', year: 'Year', status: 'Status', deadline: 'Deadline', leader: 'Responsible leader',
    department: 'Responsible department', kind: 'Kind', text: 'Item', evidence: 'Evidence', history: 'History', level: 'Level',
    daysLeft: 'Days left', interview: 'Interview', conductedOn: 'Talk held on', lead: 'Lead interviewer', score: 'Score',
    verified: 'Verified', overdue: 'Overdue', notRectified: 'Not rectified', reportOnTime: 'Report on time', yes: 'yes', no: 'no',
    responsibilities: 'Responsibility list', problems: 'Problem list', risks: 'Integrity risk list',
    warningsTitle: 'Overdue and warned tasks', ledgerTitle: 'Rectification ledger', writtenReport: 'Written report', registration: 'Registration no.',
    trackingEvaluation: 'Tracking evaluation', filed: 'filed', notFiled: 'not filed', closedOn: 'Ledger closed',
    caseId: 'Case', grounds: 'Grounds', openedOn: 'Opened', outcome: 'Outcome', pending: 'pending',
    auditTitle: 'Audit trail (immutable, verifiable)', type: 'Event', source: 'Source', recordedAt: 'Recorded at', verify: 'Verify',
    included: 'included in the latest signed checkpoint', notIncluded: 'verification failed', export: 'Export', none: 'No data',
    verifyTitle: 'Verify a document', verifyCode: 'the verification code printed on the document', eventTime: 'Occurred at', leafHash: 'Leaf hash',
    PROBLEM_RECTIFICATION: 'Problem', RISK_PREVENTION: 'Risk prevention', DUTY: 'Duty',
    OPEN: 'no plan yet', PLANNED: 'in progress', VERIFIED: 'verified', RED: 'red', ORANGE: 'orange', YELLOW: 'yellow', traceTasks: 'tasks',
    signOut: 'Sign out', 'role.LEADERSHIP': 'Commission leadership', 'role.SUPERVISION_OFFICE': 'Supervision office',
    'role.SUPERVISING_BODY': 'Stationed supervision group', 'role.UNIT_LEADER': 'Unit leader', 'role.UNIT_STAFF': 'Unit staff',
    'role.AUDITOR': 'Auditor', 'role.ADMIN': 'Administrator'
  }
};
let lang = localStorage.getItem('lang') || 'zh';
export function t(key) { return (TEXT[lang] && TEXT[lang][key]) || key; }
export function applyStaticText() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = t('switchTo');
  document.title = t('brand');
}
/** Switches between Chinese and English and remembers the choice in this browser. */
export function switchLanguage() {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('lang', lang);
}
