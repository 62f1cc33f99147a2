#!/usr/bin/env bash
# Loads a demo interview through the public API (never by writing to a database), once: a second
# run finds the data of the first and adds nothing.
set -euo pipefail
API=${1:-http://localhost:8081}/api/interviews

if [[ "$(curl -fsS "$API?size=1")" != "[]" ]]; then
  echo "[demo] interviews exist already; nothing loaded"
  exit 0
fi

post() { curl -fsS -X POST -H 'Content-Type: application/json' -d "$2" "$1"; }
id_of() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }

id=$(post "$API" '{"interviewee": {"name": "张某", "position": "党委书记、局长", "unitId": "nb-transport",
  "unitName": "市交通局", "jurisdictionId": "ningbo", "cadreLevel": "CITY_MANAGED", "appointmentDate": "2018-10-30"},
  "plannedDate": "2018-11-15", "place": "市纪委监委谈话室",
  "leadInterviewer": {"personId": "nb-secretary", "name": "市纪委书记", "post": "市纪委书记、市监委主任"}}' | id_of)
post "$API/$id/items" '{"list": "RESPONSIBILITY", "aspect": "规定动作", "text": "每年至少两次专题研究党风廉政建设工作"}' >/dev/null
post "$API/$id/items" '{"list": "PROBLEM", "aspect": "工程建设", "text": "部分下属单位工程项目招投标监管不到位"}' >/dev/null
post "$API/$id/items" '{"list": "RISK", "aspect": "道路运输", "text": "运输许可审批环节存在廉政风险"}' >/dev/null
post "$API/$id/conduct" '{"conductedOn": "2018-11-15", "place": "市纪委监委谈话室"}' >/dev/null
echo "[demo] interview $id (市交通局) scheduled and conducted"
