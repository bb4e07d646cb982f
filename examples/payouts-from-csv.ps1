<#
.SYNOPSIS
Pays the rows of a CSV file safely: a dry run first, then for real, keeping failed rows for a re-run.

.DESCRIPTION
payouts.csv has the columns user_id, amount, asset and description. The row with the amount "1,5" is
refused on purpose (error id InvalidAmount): amounts take "." as the decimal point, and nothing is sent
for such a row, while the other rows go on. Re-running this script with the same -BatchId pays nothing
twice: rows already paid come back with Status AlreadyDone.

.EXAMPLE
./examples/payouts-from-csv.ps1 -BatchId payroll-2026-11
#>
[CmdletBinding()]
param(
    [string] $Path = (Join-Path $PSScriptRoot 'payouts.csv'),
    [string] $BatchId = 'example-batch-1',
    [string] $RetryPath = (Join-Path $PSScriptRoot 'retry.csv')
)

if (-not (Get-XRocketConnection -ErrorAction SilentlyContinue)) {
    Connect-XRocket -Environment Sandbox
}

# 1. Dry run: every row is validated, nothing is sent.
Import-Csv -Path $Path | New-XRocketTransfer -BatchId $BatchId -WhatIf

# 2. For real. Bad rows become errors in $failed; the good rows are paid.
$results = Import-Csv -Path $Path |
    New-XRocketTransfer -BatchId $BatchId -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
$results | Format-Table

# 3. Failed rows, with the client id each one used, form a file that re-runs safely.
if ($failed) {
    $failed.TargetObject | Export-Csv -Path $RetryPath -NoTypeInformation
    Write-Warning "$($failed.Count) row(s) failed; fix them in $RetryPath and run: Import-Csv $RetryPath | New-XRocketTransfer -Confirm:`$false"
}
