# The daily PayBatch job (run by the task in paybatch-quarter.xml, from the PayBatch folder):
# pay the current quarter (a quarter already paid creates nothing), read the bank answers waiting
# in inbox\ and move them to inbox\read\. Ends with PayBatch's exit code: 3 when a person must act
# (findings, late or overdue payments), which the Task Scheduler shows as a failed run.
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)
$today = Get-Date
$quarter = if ($env:PAYBATCH_QUARTER) { $env:PAYBATCH_QUARTER } else { '{0}Q{1}' -f $today.Year, [math]::Ceiling($today.Month / 3) }
# Optional, as in samples/ci/quarter.sh, to re-run a given day: the value date of a new batch, and the date
# reconciliation and the report judge by.
$valueDate = if ($env:PAYBATCH_VALUE_DATE) { @('--value-date', $env:PAYBATCH_VALUE_DATE) } else { @() }
$asOf = if ($env:PAYBATCH_AS_OF) { @('--as-of', $env:PAYBATCH_AS_OF) } else { @() }

.\paybatch.exe run --quarter $quarter @valueDate --quiet
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

New-Item -ItemType Directory -Force inbox, inbox\read | Out-Null
$answers = @(Get-ChildItem inbox -File | Where-Object { $_.Extension -in '.csv', '.xml' })
$code = 0
if ($answers.Count -gt 0) {
    .\paybatch.exe reconcile @($answers.FullName) @asOf --quiet
    $code = $LASTEXITCODE
    if ($code -in 0, 3) { $answers | Move-Item -Destination inbox\read -Force } # applied; a re-read would change nothing
}
.\paybatch.exe report --quarter $quarter @asOf --format xlsx --file "out\report-$quarter.xlsx" --quiet
if ($LASTEXITCODE -ne 0 -and $code -eq 0) { $code = $LASTEXITCODE }
exit $code
