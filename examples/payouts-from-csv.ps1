<#
.SYNOPSIS
Pays the rows of a CSV file safely: a dry run first, then for real, keeping failed rows for a re-run.

.DESCRIPTION
payouts.csv has the columns user_id, amount, asset and description. Two rows fail on purpose:
"1,5" (error id InvalidAmount: amounts take "." as the decimal point; nothing is sent for that row) and
0.000000001 BTC (the sandbox's minimum for a transfer is 0.000001: the API refuses it with
AmountLessThanMinimum). The other rows go on.

Every failed row keeps the client id it was (or would have been) sent with, in its ClientTransferId
column. Fix the rows in the retry file and run it again: New-XRocketTransfer honours that column, so
running the retry file twice still pays each row once. Re-running the whole file with the same -BatchId
pays nothing twice either: rows already paid come back with Outcome AlreadyDone.

.EXAMPLE
./examples/payouts-from-csv.ps1 -BaseUri http://127.0.0.1:5080 -BatchId payroll-2026-11
#>
[CmdletBinding()]
param(
    # The sandbox's address; use Connect-XRocket yourself and omit it to run against your own connection.
    [uri] $BaseUri,
    [string] $Path = (Join-Path $PSScriptRoot 'payouts.csv'),
    [string] $BatchId = 'example-batch-1',
    [string] $RetryPath = (Join-Path ([System.IO.Path]::GetTempPath()) "xrocket-retry-$BatchId.csv")
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module -Name XRocketPay)) {
    if (Get-Module -ListAvailable -Name XRocketPay) {
        Import-Module XRocketPay
    }
    else {
        Import-Module ([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'XRocketPay', 'XRocketPay.psd1'))
    }
}

if ($BaseUri) {
    Connect-XRocket -Environment Sandbox -BaseUri $BaseUri
}
elseif (-not (Get-XRocketConnection -ErrorAction SilentlyContinue)) {
    throw 'Not connected: pass -BaseUri <sandbox address> or run Connect-XRocket first.'
}

# 1. Dry run: each row's own values (recipient, amount format, asset) are checked locally and no payment
#    is sent. Limits only the API knows, such as the 0.000001 BTC transfer minimum, are checked in step 2.
Import-Csv -Path $Path | New-XRocketTransfer -BatchId $BatchId -WhatIf -ErrorAction SilentlyContinue

# 2. For real. Bad rows become errors in $failed; the good rows are paid.
$results = Import-Csv -Path $Path |
    New-XRocketTransfer -BatchId $BatchId -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
$results | Format-Table | Out-Host

# 3. Failed rows, each with the client id it used, form a file that re-runs safely.
if ($failed) {
    $failed.TargetObject | Export-Csv -Path $RetryPath -NoTypeInformation
    Write-Warning "$($failed.Count) row(s) failed; fix them in $RetryPath and run: Import-Csv $RetryPath | New-XRocketTransfer -Confirm:`$false"
}
