#!/usr/bin/env bash
# The scheduled PayBatch job, shared by the GitHub Actions and GitLab CI samples beside it.
# Every working day: pay the current quarter (idempotent — a quarter already paid creates nothing),
# then apply whatever bank confirmations arrived in $PAYBATCH_INBOX. The job fails (exit 3) when a
# person must act: a finding, a late or an overdue payment. It reports "complete" once nothing is
# pending any more, and from then on each day's run is a no-op.
set -uo pipefail
inbox=${PAYBATCH_INBOX:-inbox}
quarter=${PAYBATCH_QUARTER:-$(date +%Y)Q$(( ($(date +%-m) - 1) / 3 + 1 ))}
# Optional, to re-run a given day: the value date of a new batch, and the date reconciliation judges by.
value_date=(${PAYBATCH_VALUE_DATE:+--value-date "$PAYBATCH_VALUE_DATE"})
as_of=(${PAYBATCH_AS_OF:+--as-of "$PAYBATCH_AS_OF"})

paybatch run --quarter "$quarter" "${value_date[@]}" --json > run.json
code=$?
[ "$code" -eq 0 ] || { echo "run failed with exit code $code"; cat run.json; exit "$code"; }

shopt -s nullglob
files=("$inbox"/*.csv "$inbox"/*.xml)
if [ ${#files[@]} -gt 0 ]; then
  paybatch reconcile "${files[@]}" "${as_of[@]}" --json > reconcile.json
  code=$?
  if [ "$code" -ne 0 ]; then
    echo "reconcile exited $code: a person must act (see out/$quarter/findings.csv)"
    exit "$code"
  fi
fi

paybatch report --quarter "$quarter" "${as_of[@]}" --json > report.json || exit $?
overdue=$(jq '.sla.overdue' report.json)
pending=$(jq '.sla.pending' report.json)
echo "$quarter: pending $pending, overdue $overdue, on time $(jq -r '.sla.onTimePercent' report.json) % (normative 90 %)"
[ "$overdue" -eq 0 ] || exit 3
[ "$pending" -eq 0 ] && echo "$quarter complete: nothing pending"
exit 0
