# A payout run in a child pwsh, so a test can kill it hard (Process.Kill, not a cooperative stop) and resume.
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $BaseUri,
    [Parameter(Mandatory)] [string] $Journal,
    [Parameter(Mandatory)] [ValidateSet('New-XRocketTransfer', 'New-XRocketMassTransfer')] [string] $Command,
    [int] $Rows = 5,
    [int] $ChunkSize = 4
)
$ErrorActionPreference = 'Continue'
Import-Module $Manifest
Connect-XRocket -BaseUri $BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword)
$extra = if ($Command -eq 'New-XRocketMassTransfer') { @{ ChunkSize = $ChunkSize } } else { @{} }
1..$Rows | ForEach-Object { [pscustomobject]@{ user_id = 7000 + $_; amount = '0.25'; asset = 'TRX' } } |
    & $Command -Journal $Journal -Confirm:$false @extra | Out-Null
