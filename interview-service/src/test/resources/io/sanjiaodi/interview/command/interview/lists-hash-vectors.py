#!/usr/bin/env python3
"""Writes lists-hash-vectors.json: known answers for ListsHash, computed here, apart from the Java code.

The canonical form (ListsHash's javadoc and the contract of InterviewConducted.listsHash): SHA-256
over a sequence of fields, each written as its UTF-8 byte length in ASCII decimal, a colon and the
bytes; a null field is "-1:" with no bytes. The sequence is "v<version>", then per responsibility
"R", itemId, kind, text, templateId; per problem "P", itemId, aspect, description, sourceChannel,
confidentialSource.details, confidentialSource.reference (both null without a source); per risk
"K", itemId, businessArea, description, typicalCases, preventionExpectations, level. Enums by name.

Run from this directory: python3 lists-hash-vectors.py
"""
import hashlib
import json


def field(value):
    if value is None:
        return b"-1:"
    data = value.encode("utf-8")
    return str(len(data)).encode("ascii") + b":" + data


def canonical(lists):
    out = [field("v" + str(lists["version"]))]
    for r in lists["responsibilities"]:
        out += [field(v) for v in ("R", r["itemId"], r["kind"], r["text"], r["templateId"])]
    for p in lists["problems"]:
        source = p["confidentialSource"] or {"details": None, "reference": None}
        out += [field(v) for v in ("P", p["itemId"], p["aspect"], p["description"], p["sourceChannel"],
                                   source["details"], source["reference"])]
    for k in lists["risks"]:
        out += [field(v) for v in ("K", k["itemId"], k["businessArea"], k["description"], k["typicalCases"],
                                   k["preventionExpectations"], k["level"])]
    return b"".join(out)


def duty(item_id, kind, text, template_id):
    return {"itemId": item_id, "kind": kind, "text": text, "templateId": template_id}


def problem(item_id, aspect, description, channel, source):
    return {"itemId": item_id, "aspect": aspect, "description": description, "sourceChannel": channel,
            "confidentialSource": source}


def source(details, reference):
    return {"details": details, "reference": reference}


def risk(item_id, area, description, cases, prevention, level):
    return {"itemId": item_id, "businessArea": area, "description": description, "typicalCases": cases,
            "preventionExpectations": prevention, "level": level}


VECTORS = [
    ("no items at version 0", {"version": 0, "responsibilities": [], "problems": [], "risks": []}),
    ("the transport bureau's three lists (docs/domain.md §5)", {
        "version": 3,
        "responsibilities": [duty("d1", "REQUIRED", "每年至少两次专题研究党风廉政建设", "tpl-2018")],
        "problems": [problem("p1", "工程建设", "招投标监管不到位", "PETITION_REPORT",
                             source("实名举报人：某某", "信访件 2018-117"))],
        "risks": [risk("k1", "道路运输", "运输许可审批存在廉政风险", "某地运管所受贿案", "审批全程留痕", "HIGH")],
    }),
    ("only a problem list, its source confidential", {
        "version": 1,
        "responsibilities": [],
        "problems": [problem("p9", "作风建设", "公车私用", "PETITION_REPORT", source("举报人李某", "信访-2018-17"))],
        "risks": [],
    }),
    ("absent and empty fields: no source, no template, no level, empty expectations", {
        "version": 7,
        "responsibilities": [duty("c1", "CUSTOM", "自选动作：廉政家访", None)],
        "problems": [problem("p2", "财务管理", "公务接待超标", "DAILY_SUPERVISION", None)],
        "risks": [risk("k2", "食堂", "食材采购", None, "", None)],
    }),
    ("several items per list, kept in list order", {
        "version": 12,
        "responsibilities": [
            duty("a", "REQUIRED", "规定动作一", "tpl-2018"),
            duty("b", "CUSTOM", "Self-chosen: visit 3 sites", None),
        ],
        "problems": [
            problem("p1", "工程", "建设招投标", "INSPECTION_TOUR", source(None, "巡察-2018-3")),
            problem("p2", "工程建设", "招投标", "INTEGRITY_INFORMATION_SYSTEM", source("线索𠀀", None)),
        ],
        "risks": [
            risk("k1", "审批", "许可", "案例", "留痕", "MEDIUM"),
            risk("k2", "采购", "", "", "", "LOW"),
        ],
    }),
]

if __name__ == "__main__":
    vectors = []
    for name, lists in VECTORS:
        data = canonical(lists)
        vectors.append({"name": name, "lists": lists, "canonical": data.decode("utf-8"),
                        "sha256": hashlib.sha256(data).hexdigest()})
    with open("lists-hash-vectors.json", "w", encoding="utf-8") as f:
        json.dump({"generatedBy": "lists-hash-vectors.py (python3 hashlib)", "vectors": vectors}, f,
                  ensure_ascii=False, indent=2)
        f.write("\n")
