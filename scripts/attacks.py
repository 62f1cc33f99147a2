#!/usr/bin/env python3
"""Replays, against a running local system (./run.sh with the demo data), the five attacks that were
once tried by hand on the confidentiality of problem sources and on scope, and says for each whether
it still works. Exit 0 when every attack fails, 1 when one succeeds.

    scripts/attacks.py            # the services on localhost:8081-8083, tokens via scripts/sign-in.sh

Standard library only. The attacks:
 1. a unit user confirms a guessed confidential source from what the unit is shown (listsHash, ...);
 2. a district office reads the city's interviews in the audit trail;
 3. requests with garbage tokens fill the permanent audit log;
 4. one huge list blocks the pipeline (accepted, then nothing later reaches the audit trail);
 5. confidential sources are stored in clear in the audit trail (a verbatim copy of the topics).
"""
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IV, RECT, AUDIT = "http://localhost:8081", "http://localhost:8082", "http://localhost:8083"
# the transport bureau's demo problem (devstack Scenarios): details and reference
SECRET_DETAILS, SECRET_REFERENCE = "实名举报，信访件 2018-117", "信访件 2018-117"


def token(user):
    return subprocess.run([os.path.join(ROOT, "scripts", "sign-in.sh"), user],
                          check=True, capture_output=True, text=True).stdout.strip()


def call(method, url, bearer=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    if bearer:
        request.add_header("Authorization", "Bearer " + bearer)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, parse(response.read())
    except urllib.error.HTTPError as e:
        return e.code, parse(e.read())


def parse(raw):
    """JSON, or the text itself (CSV, NDJSON exports)."""
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


def strings(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif value is not None:
        yield str(value)


def v1_lists_hash(view, details, reference):
    """The old ListsHash (version 1) over what the unit sees, with a guessed source planted."""
    digest = hashlib.sha256()

    def field(v):
        b = b"" if v is None else str(v).encode()
        digest.update((b"-1" if v is None else str(len(b)).encode()) + b":" + b)

    field("v" + str(view.get("listVersion")))
    for r in view.get("responsibilities", []):
        for v in ("R", r.get("itemId"), r.get("kind"), r.get("text"), r.get("templateId")):
            field(v)
    for p in view.get("problems", []):
        guessed = p.get("sourceChannel") == "PETITION_REPORT"
        for v in ("P", p.get("itemId"), p.get("aspect"), p.get("description"), p.get("sourceChannel"),
                  details if guessed else None, reference if guessed else None):
            field(v)
    for k in view.get("risks", []):
        for v in ("K", k.get("itemId"), k.get("businessArea"), k.get("description"), k.get("typicalCases"),
                  k.get("preventionExpectations"), k.get("level")):
            field(v)
    return digest.hexdigest()


def attack_1_unit_confirms_a_guessed_source():
    unit = token("unit-leader")
    status, interviews = call("GET", IV + "/api/interviews", unit)
    views = [v for v in interviews if v.get("unitId") == "nb-transport" and v.get("conduct")]
    if not views:
        return None, "no conducted transport-bureau interview (demo data missing?)"
    received = []
    for v in views:
        received += list(strings(call("GET", IV + "/api/interviews/" + v["interviewId"], unit)[1]))
    for path in ("/api/supervision/interviews", "/api/supervision/ledgers", "/api/supervision/export/ledgers.csv"):
        received += list(strings(call("GET", AUDIT + path, unit)[1]))
    received += list(strings(call("GET", RECT + "/api/ledgers", unit)[1]))
    seen = set(s.lower() for s in received)
    if any(SECRET_REFERENCE in s for s in received):
        return True, "the source is shown in clear"
    for n in range(1000):
        reference = "信访件 2018-%03d" % n
        details = "实名举报，" + reference
        guesses = {v1_lists_hash(v, details, reference) for v in views}
        guesses |= {hashlib.sha256(x.encode()).hexdigest() for x in (details, reference, details + reference)}
        if guesses & seen:
            return True, "guess %s confirmed against a hash the unit received" % reference
    return False, "none of 1,000 guesses matches any of %d values the unit received" % len(seen)


def attack_2_district_reads_the_city_in_the_audit_trail():
    fenghua = token("office-fenghua")
    leaked = set()
    for path in ("/api/audit/events?type=InterviewConducted&size=500", "/api/audit/events?size=500",
                 "/api/audit/history?size=500", "/api/audit/export"):
        status, body = call("GET", AUDIT + path, fenghua)
        text = json.dumps(body, ensure_ascii=False) if not isinstance(body, str) else body
        leaked |= set(re.findall(r'"jurisdictionId"\s*:\s*"([a-z-]+)"', text)) - {"fenghua"}
    if leaked:
        return True, "office-fenghua received entries of " + ", ".join(sorted(leaked))
    return False, "office-fenghua received only fenghua entries"


def audit_size(auditor):
    status, body = call("GET", AUDIT + "/api/audit/security-events?size=500", auditor)
    count, page = 0, 0
    while isinstance(body, list) and body:
        count += len(body)
        page += 1
        body = call("GET", AUDIT + "/api/audit/security-events?size=500&page=%d" % page, auditor)[1]
    return count


def attack_3_garbage_tokens_fill_the_log():
    auditor = token("auditor")
    before = audit_size(auditor)
    for n in range(50):
        call("GET", IV + "/api/interviews", "x%d" % n)
    time.sleep(8)
    grown = audit_size(auditor) - before
    return grown > 3, "50 garbage-token requests added %d security entries" % grown


def attack_4_one_huge_list_blocks_the_pipeline():
    office = token("office")
    status, created = call("POST", IV + "/api/interviews", office, {
        "interviewee": {"name": "王某", "position": "党组书记", "unitId": "nb-coop", "unitName": "市支援合作局",
                        "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2019-03-01"},
        "plannedDate": "2019-03-20", "place": "市纪委监委谈话室",
        "leadInterviewerId": "nb-secretary"})
    if status >= 300:
        return None, "could not schedule the test interview: %s %s" % (status, created)
    interview = created["id"]
    call("POST", IV + "/api/interviews/%s/responsibilities" % interview, office, {"text": "落实主体责任"})
    call("POST", IV + "/api/interviews/%s/risks" % interview, office,
         {"businessArea": "公务接待", "description": "接待超标准", "level": "MEDIUM"})
    refused = None
    for n in range(100):
        status, body = call("POST", IV + "/api/interviews/%s/problems" % interview, office,
                            {"aspect": "制度建设", "description": ("问题%03d" % n) + "长" * 3896,
                             "sourceChannel": "DAILY_SUPERVISION"})
        if status >= 300:
            refused = "problem %d: %s %s" % (n + 1, status, body.get("code") if isinstance(body, dict) else body)
            break
    if refused is None:
        status, body = call("POST", IV + "/api/interviews/%s/conduct" % interview, office, {
            "conductedOn": "2019-03-20", "handedOverById": "nb-office-1-director", "recordSummary": "谈话记录",
            "recordSignature": {"signedBy": "王某", "signedAt": "2019-03-20T10:00:00Z"},
            "commitmentSignature": {"signedBy": "王某", "signedAt": "2019-03-20T10:05:00Z"}})
        if status < 300:
            return True, "100 problems of 3,900 characters were accepted and the talk recorded"
        refused = "conduct: %s %s" % (status, body.get("code") if isinstance(body, dict) else body)
    # and later interview events still reach the audit trail
    status, later = call("POST", IV + "/api/interviews", office, {
        "interviewee": {"name": "李某", "position": "局长", "unitId": "nb-coop", "unitName": "市支援合作局",
                        "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2019-03-01"},
        "plannedDate": "2019-04-20", "place": "市纪委监委谈话室",
        "leadInterviewerId": "nb-secretary"})
    deadline = time.time() + 30
    while time.time() < deadline:
        if call("GET", AUDIT + "/api/audit/events?aggregateId=" + later["id"], office)[1]:
            return False, "refused (%s); a later interview reached the audit trail" % refused
        time.sleep(1)
    return True, "refused (%s), but a later interview did not reach the audit trail in 30 s" % refused


def attack_5_sources_in_clear_in_the_audit_trail():
    auditor = token("auditor")
    for kind in ("ProblemItemAdded", "ProblemItemRevised", "InterviewConducted"):
        page = 0
        while True:
            status, body = call("GET", AUDIT + "/api/audit/events?type=%s&size=500&page=%d" % (kind, page), auditor)
            if not isinstance(body, list) or not body:
                break
            if SECRET_REFERENCE in json.dumps(body, ensure_ascii=False):
                return True, "a %s entry holds the source in clear" % kind
            page += 1
    return False, "no audit entry holds the demo source in clear"


def main():
    worked = False
    for attack in (attack_1_unit_confirms_a_guessed_source, attack_2_district_reads_the_city_in_the_audit_trail,
                   attack_3_garbage_tokens_fill_the_log, attack_4_one_huge_list_blocks_the_pipeline,
                   attack_5_sources_in_clear_in_the_audit_trail):
        success, detail = attack()
        verdict = "could not run" if success is None else ("WORKS" if success else "fails")
        print("%-55s %-13s %s" % (attack.__name__[7:].replace("_", " "), verdict, detail))
        worked |= bool(success) or success is None
    return 1 if worked else 0


if __name__ == "__main__":
    sys.exit(main())
