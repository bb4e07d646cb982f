<#
.SYNOPSIS
Runs one Pester pass (build.ps1 -Task Test starts one per sandbox flavour, each in a pwsh of its own).

.DESCRIPTION
Writes NUnit results to pester-<Name>.xml and the counts to pester-<Name>.json in ResultsDirectory, where
build.ps1 reads them; a pass that dies before writing the counts is counted there as a failure.
#>
[CmdletBinding()]
param(
    # The Pester 5 manifest to import (build.ps1 finds or restores it).
    [Parameter(Mandatory)]
    [string] $PesterManifest,

    # The pass's name, used in the result file names.
    [Parameter(Mandatory)]
    [string] $Name,

    [Parameter(Mandatory)]
    [string] $ResultsDirectory,

    # Test files or folders.
    [Parameter(Mandatory)]
    [string[]] $Path,

    # Only the blocks whose full name matches this wildcard (build.ps1 -Filter).
    [string] $FullNameFilter
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

Import-Module -Name $PesterManifest
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
if ($FullNameFilter) {
    $configuration.Filter.FullName = $FullNameFilter
}
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path -Path $ResultsDirectory -ChildPath "pester-$Name.xml"
$result = Invoke-Pester -Configuration $configuration

[pscustomobject]@{
    Passed  = $result.PassedCount
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
    Total   = $result.TotalCount
} | ConvertTo-Json | Set-Content -LiteralPath (Join-Path -Path $ResultsDirectory -ChildPath "pester-$Name.json")
