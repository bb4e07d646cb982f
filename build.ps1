#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests, documents, packages and demonstrates the XRocketPay module.

.DESCRIPTION
Build   : dotnet build (stages the importable module in out/XRocketPay).
Test    : dotnet test, then Pester 5 (tests/pester) and PSScriptAnalyzer when they are installed.
Docs    : platyPS markdown (docs/en-US) to MAML help in out/XRocketPay/en-US.
Package : Docs, then out/XRocketPay-<version>.zip and, when PowerShellGet can publish, a .nupkg.
Demo    : Build, start the sandbox on a free loopback port, run examples/quickstart.ps1, stop it.

.EXAMPLE
./build.ps1 -Task Demo

.EXAMPLE
./build.ps1 -Task Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$staged = Join-Path $root 'out/XRocketPay'

function Invoke-Native {
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @()
    )

    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildTask {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', (Join-Path $root 'XRocketPay.sln'), '-c', $Configuration)
}

function Invoke-TestTask {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('test', (Join-Path $root 'XRocketPay.sln'), '-c', $Configuration)

    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if ($pester) {
        Import-Module $pester -Force
        $pesterConfiguration = New-PesterConfiguration
        $pesterConfiguration.Run.Path = Join-Path $root 'tests/pester'
        $pesterConfiguration.Run.PassThru = $true
        $pesterConfiguration.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $pesterConfiguration
        if ($result.FailedCount -gt 0) {
            throw "Pester: $($result.FailedCount) test(s) failed."
        }
    }
    else {
        Write-Warning 'Pester 5 is not installed: the Pester scenarios were skipped (Install-Module Pester -MinimumVersion 5.0).'
    }

    if (Get-Module -ListAvailable -Name PSScriptAnalyzer) {
        Import-Module PSScriptAnalyzer
        $paths = @('build.ps1', 'examples', 'tests/pester', 'tools') | ForEach-Object { Join-Path $root $_ }
        $findings = foreach ($path in $paths) {
            Invoke-ScriptAnalyzer -Path $path -Recurse -Settings PSGallery -Severity Warning, Error
        }

        if ($findings) {
            $findings | Format-Table -AutoSize | Out-String | Write-Information -InformationAction Continue
            throw "PSScriptAnalyzer: $(@($findings).Count) finding(s)."
        }
    }
    else {
        Write-Warning 'PSScriptAnalyzer is not installed: the script analysis was skipped (Install-Module PSScriptAnalyzer).'
    }
}

function Invoke-DocsTask {
    if (-not (Test-Path -LiteralPath (Join-Path $staged 'XRocketPay.psd1'))) {
        Invoke-BuildTask
    }

    Import-Module platyPS -MinimumVersion 0.14.2 -ErrorAction Stop
    $null = New-ExternalHelp -Path (Join-Path $root 'docs/en-US') -OutputPath (Join-Path $staged 'en-US') -Force
}

function Invoke-PackageTask {
    Invoke-DocsTask
    $version = (Import-PowerShellDataFile -Path (Join-Path $staged 'XRocketPay.psd1')).ModuleVersion
    $zip = Join-Path $root "out/XRocketPay-$version.zip"
    Compress-Archive -Path $staged -DestinationPath $zip -Force
    Write-Information "Packaged $zip" -InformationAction Continue

    if (-not (Get-Command -Name Publish-Module -ErrorAction SilentlyContinue)) {
        Write-Warning 'Publish-Module is not available: no .nupkg was made (the zip above is the package).'
        return
    }

    $feed = Join-Path $root 'out/feed'
    $null = New-Item -ItemType Directory -Path $feed -Force
    $repository = 'XRocketPayLocalFeed'
    Register-PSRepository -Name $repository -SourceLocation $feed -PublishLocation $feed -InstallationPolicy Trusted
    try {
        Publish-Module -Path $staged -Repository $repository -NuGetApiKey 'local'
        Get-ChildItem -Path $feed -Filter '*.nupkg' | ForEach-Object { Write-Information "Packaged $($_.FullName)" -InformationAction Continue }
    }
    finally {
        Unregister-PSRepository -Name $repository
    }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    Import-Module (Join-Path $root 'tools/XRocketSandbox.psm1') -Force
    $sandbox = Start-XRocketSandbox -Configuration $Configuration
    try {
        Import-Module (Join-Path $staged 'XRocketPay.psd1') -Force
        & (Join-Path $root 'examples/quickstart.ps1') -BaseUri $sandbox.BaseUri
    }
    finally {
        Stop-XRocketSandbox -Sandbox $sandbox
    }
}

foreach ($name in $Task) {
    Write-Information "== $name" -InformationAction Continue
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Docs' { Invoke-DocsTask }
        'Package' { Invoke-PackageTask }
        'Demo' { Invoke-DemoTask }
    }
}
