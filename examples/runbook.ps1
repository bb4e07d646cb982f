<#
.SYNOPSIS
An unattended payout runbook (Azure Automation, a scheduled task, a CI job).

.DESCRIPTION
The token comes from $env:XROCKET_API_KEY (never from the script). Money moves with -Confirm:$false,
because nobody is there to answer a prompt. -BatchId makes a restarted run safe: rows already paid come
back AlreadyDone instead of being paid again. Failed rows go to a retry file with their client ids. The
exit code is non-zero when any row failed, so the scheduler can alert.

.EXAMPLE
$env:XROCKET_API_KEY = '<from your secret store>'
./examples/runbook.ps1 -Path payouts.csv -BatchId payroll-2026-11 -Environment Testnet
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    [Parameter(Mandatory)]
    [string] $BatchId,

    [ValidateSet('Production', 'Testnet', 'Sandbox')]
    [string] $Environment = 'Production',

    [uri] $BaseUri,

    [string] $RetryPath = "retry-$BatchId.csv"
)

$ErrorActionPreference = 'Stop'
Import-Module XRocketPay

$connect = @{ Environment = $Environment }
if ($BaseUri) {
    $connect.BaseUri = $BaseUri
}

Connect-XRocket @connect

$results = Import-Csv -Path $Path |
    New-XRocketTransfer -BatchId $BatchId -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

$sent = @($results | Where-Object Status -EQ 'Sent').Count
$alreadyDone = @($results | Where-Object Status -EQ 'AlreadyDone').Count
Write-Output "Batch ${BatchId}: $sent sent, $alreadyDone already done, $(@($failed).Count) failed."

if ($failed) {
    $failed.TargetObject | Export-Csv -Path $RetryPath -NoTypeInformation
    $failed | ForEach-Object { Write-Warning "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
    Write-Warning "Failed rows were written to $RetryPath; they re-run safely with the same client ids."
    exit 1
}
