<#
.SYNOPSIS
An unattended payout runbook (Azure Automation, a scheduled task, a CI job).

.DESCRIPTION
The token comes from $env:XROCKET_API_KEY (never from the script). Money moves with -Confirm:$false,
because nobody is there to answer a prompt. -BatchId makes a restarted run safe: rows already paid come
back AlreadyDone instead of being paid again. It names the payout, so it defaults to the file's name
(payroll-2026-11.csv: payroll-2026-11), never to the date: a restart on another day resumes the same batch. Failed rows go to a retry file with their client ids. The
exit code is non-zero when any row failed, so the scheduler can alert.

.EXAMPLE
$env:XROCKET_API_KEY = '<from your secret store>'
./examples/runbook.ps1 -Path payroll-2026-11.csv -Environment Testnet

.EXAMPLE
./examples/runbook.ps1 -Path examples/payouts.csv -BatchId try-1 -Environment Sandbox -BaseUri http://127.0.0.1:5080
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    # The payout's name: the file's name without its extension unless given.
    [string] $BatchId = [System.IO.Path]::GetFileNameWithoutExtension($Path),

    [ValidateSet('Production', 'Testnet', 'Sandbox')]
    [string] $Environment = 'Production',

    # Required for -Environment Sandbox: the address the sandbox printed.
    [uri] $BaseUri,

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

if ($Environment -eq 'Sandbox' -and -not $BaseUri) {
    throw '-Environment Sandbox needs -BaseUri: the address your sandbox printed when it started.'
}

$connect = @{ Environment = $Environment }
if ($BaseUri) {
    $connect.BaseUri = $BaseUri
}

Connect-XRocket @connect

$results = Import-Csv -Path $Path |
    New-XRocketTransfer -BatchId $BatchId -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

$sent = @($results | Where-Object Outcome -EQ 'Sent').Count
$alreadyDone = @($results | Where-Object Outcome -EQ 'AlreadyDone').Count
Write-Output "Batch ${BatchId}: $sent sent, $alreadyDone already done, $(@($failed).Count) failed."

if ($failed) {
    $failed.TargetObject | Export-Csv -Path $RetryPath -NoTypeInformation
    $failed | ForEach-Object { Write-Warning "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
    Write-Warning "Failed rows were written to $RetryPath; they re-run safely with the same client ids."
    exit 1
}
