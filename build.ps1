#!/usr/bin/env pwsh
#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests, documents, packages and demonstrates the XRocketPay module.

.DESCRIPTION
Build   : dotnet build (stages the importable module in out/XRocketPay), then MAML help when platyPS 0.14.2
          is available (one line says so when it is not).
Test    : after Build. Every test: xunit (dotnet test), the Pester suite (tests/pester, twice: one pass per
          sandbox flavour, run by tools/PesterTest.ps1), and PSScriptAnalyzer (PSGallery settings, every
          severity) over every .ps1/.psm1/.psd1 of the repository, one test per file, where installed.
          Ends with one line "N passed, N failed, N skipped".
Docs    : after Build. platyPS markdown (docs/en-US) to MAML help in out/XRocketPay/en-US.
Package : after Docs. out/XRocketPay-<version>.zip, XRocketPay.<version>.nupkg published with
          Publish-PSResource to a local folder repository (out/feed), and the sandbox as a .NET tool
          (XRocketPay.Sandbox.<version>.nupkg, command xrocket-sandbox) in the same folder, offline.
Demo    : after Build. Start the sandbox on a free loopback port, run examples/quickstart.ps1, stop it.
Bench   : Release build, then the benchmark table (out/bench/results.md).

Test -Filter <text>: the inner loop (see -Filter); the same closing line.

Each task declares the tasks it needs ($taskGraph); they run first, once per invocation.
-Configuration defaults to Release when Package runs, Debug otherwise: one build per invocation. Test runs
Package first wherever platyPS is installed, so the installed-package tests have packages to install.

Tools are found or restored, never assumed: Pester 5.5+ installed, else Pester 5.9.1 restored from NuGet
(tools/restore/PowerShellTools.proj); platyPS and PSScriptAnalyzer are not on NuGet, so their absence is
reported with the command that installs them.

On a machine with only the .NET SDK: dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task Demo

.EXAMPLE
./build.ps1 -Task Build, Test

.EXAMPLE
./build.ps1 -Task Test -Filter Wait-XRocketInvoice
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Demo', 'Bench')]
    [string[]] $Task = 'Build',

    # Default: Release when Package runs (also as Test's), else Debug.
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration,

    # Where TRX and Pester result files go (Test).
    [string] $ResultsDirectory = (Join-Path $PSScriptRoot 'out/test-results'),

    # Pester files or folders to run (Test); default: all of tests/pester.
    [string[]] $PesterPath = (Join-Path $PSScriptRoot 'tests/pester'),

    # The inner loop (Test): only the tests whose name holds this text (a cmdlet, a class, a word). xunit:
    # dotnet test --filter on the full name (with and without the cmdlet's '-'); Pester: the files whose
    # name or a Describe/Context/It holds it, only those blocks, one pass (default sandbox); no Package, no
    # script analysis.
    [string] $Filter
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$staged = Join-Path $root 'out/XRocketPay'
$feed = Join-Path $root 'out/feed'
$platyPSInstall = 'Install-PSResource platyPS -Version 0.14.2'
$analyzerInstall = 'Install-PSResource PSScriptAnalyzer -Version 1.25.0'

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

function Write-BuildLine {
    param([Parameter(ValueFromPipeline)] [AllowEmptyString()] [string] $Message)
    process {
        Write-Information $Message -InformationAction Continue
    }
}

function Get-NuGetPackageFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages'
}

# Pester: an installed 5.5+ wins; otherwise the exact NuGet package the project restores. Returns its manifest.
function Find-Pester {
    $installed = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge [version]'5.5.0' } |
        Sort-Object Version -Descending |
        Select-Object -First 1
    if ($installed) {
        return $installed.Path
    }

    $manifest = Join-Path (Get-NuGetPackageFolder) 'pester/5.9.1/tools/Pester.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        Write-BuildLine 'Pester 5.5+ is not installed: restoring Pester 5.9.1 from NuGet.'
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', (Join-Path $root 'tools/restore/PowerShellTools.proj'), '--verbosity', 'quiet')
    }

    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "Pester 5.9.1 was restored but $manifest is missing. Install Pester instead: Install-PSResource Pester -Version 5.9.1"
    }

    $manifest
}

# One Pester pass (tools/PesterTest.ps1) in a pwsh of its own, so passes against different sandboxes run side
# by side. Returns the pass and its process; Receive-PesterPass collects it.
function Invoke-PesterPass {
    param(
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string] $PesterManifest,
        [string] $SandboxArguments = '',
        [string[]] $Path = $PesterPath,
        [string] $FullNameFilter
    )

    $runner = Join-Path $root 'tools/PesterTest.ps1'
    $arguments = @('-NoProfile', '-NonInteractive', '-File', $runner, '-PesterManifest', $PesterManifest, '-Name', $Name, '-ResultsDirectory', $ResultsDirectory)
    if ($FullNameFilter) { $arguments += @('-FullNameFilter', $FullNameFilter) }
    $arguments += @('-Path') + $Path
    $env:XROCKET_TEST_SANDBOX_ARGS = $SandboxArguments
    try {
        $process = Start-Process -FilePath (Join-Path $PSHOME 'pwsh') -ArgumentList $arguments -NoNewWindow -PassThru `
            -RedirectStandardOutput (Join-Path $ResultsDirectory "pester-$Name.log") -RedirectStandardError (Join-Path $ResultsDirectory "pester-$Name.err")
    }
    finally {
        Remove-Item Env:XROCKET_TEST_SANDBOX_ARGS -ErrorAction SilentlyContinue
    }

    [pscustomobject]@{ Name = $Name; Process = $process }
}

# Waits for a pass, shows its output, and returns its counts (a pass that died counts as one failure).
function Receive-PesterPass {
    param([Parameter(Mandatory)] [pscustomobject] $Pass)
    $Pass.Process.WaitForExit()
    Write-BuildLine "== Pester pass '$($Pass.Name)'"
    foreach ($stream in 'log', 'err') {
        $file = Join-Path $ResultsDirectory "pester-$($Pass.Name).$stream"
        if (Test-Path -LiteralPath $file) {
            Get-Content -LiteralPath $file | Write-BuildLine
        }
    }

    $summary = Join-Path $ResultsDirectory "pester-$($Pass.Name).json"
    if (-not (Test-Path -LiteralPath $summary)) {
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Total = 0 }
    }

    $counts = Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json
    if ($counts.Total -eq 0) {
        Write-BuildLine "Pester pass '$($Pass.Name)' found no tests: that is a failure."
        $counts.Failed++
    }

    $counts
}

# platyPS 0.14.2 (not on NuGet): $true when imported; otherwise one line saying how to get it.
function Import-PlatyPS {
    $module = Get-Module -ListAvailable -Name platyPS | Where-Object { $_.Version -ge [version]'0.14.2' -and $_.Version.Major -eq 0 } | Select-Object -First 1
    if (-not $module) {
        return $false
    }

    Import-Module $module -Force
    $true
}

function Invoke-BuildTask {
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', (Join-Path $root 'XRocketPay.sln'), '-c', $Configuration, '--nologo')
    if (Import-PlatyPS) {
        Build-Help
    }
    else {
        Write-BuildLine "Help was not built: platyPS 0.14.2 is not installed ($platyPSInstall)."
    }
}

function Build-Help {
    $null = New-ExternalHelp -Path (Join-Path $root 'docs/en-US') -OutputPath (Join-Path $staged 'en-US') -Force
    $script:helpBuilt = $true
    Write-BuildLine "Help built in $(Join-Path $staged 'en-US')."
}

function Get-TrxCount([string] $Folder) {
    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; Files = 0 }
    foreach ($trx in Get-ChildItem -Path $Folder -Filter '*.trx' -File -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -LiteralPath $trx.FullName -Raw)).TestRun.ResultSummary.Counters
        $count.Files++
        $count.Passed += [int]$counters.passed
        $count.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $count.Skipped += [int]$counters.notExecuted
    }

    $count
}

function Invoke-TestTask {
    Remove-Item -LiteralPath $ResultsDirectory -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $ResultsDirectory -Force
    if ($Filter) {
        Invoke-FilteredTest
        return
    }

    # xunit, over what Build built and staged (the module the Pester suite imports too).
    & dotnet test (Join-Path $root 'XRocketPay.sln') -c $Configuration --no-build --nologo --results-directory $ResultsDirectory --blame-hang-timeout 4m
    $xunitExit = $LASTEXITCODE

    # The client suite runs once: each of its sandbox classes runs against the full and the strict evidence
    # shape in that one run (tests/XRocketPay.Client.Tests/SandboxShapes.cs).
    $xunit = Get-TrxCount $ResultsDirectory
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }
    if ($xunit.Files -eq 0) { $xunit.Failed++ }

    # The suite twice, side by side: the default sandbox (transfers dialect, full shape), and the payouts
    # dialect in the strict evidence shape, so nothing depends on a dialect or on a field no source shows.
    $pesterManifest = Find-Pester
    $passes = @(
        Invoke-PesterPass -Name 'transfers' -PesterManifest $pesterManifest
        Invoke-PesterPass -Name 'payouts-evidence' -PesterManifest $pesterManifest -SandboxArguments '--dialect payouts --shape evidence'
    )
    # The analyzer runs here while both passes run in their own processes.
    $analyzer = Invoke-ScriptAnalysis
    $pester = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($pass in $passes) {
        $counts = Receive-PesterPass $pass
        $pester.Passed += $counts.Passed
        $pester.Failed += $counts.Failed
        $pester.Skipped += $counts.Skipped
    }

    $passed = $xunit.Passed + $pester.Passed + $analyzer.Passed
    $failed = $xunit.Failed + $pester.Failed + $analyzer.Failed
    $skipped = $xunit.Skipped + $pester.Skipped + $analyzer.Skipped
    Write-BuildLine "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped; Pester (both passes): $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped; PSScriptAnalyzer (one test per file): $($analyzer.Passed) passed, $($analyzer.Failed) failed, $($analyzer.Skipped) skipped"
    Write-BuildLine "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) {
        exit 1
    }
}

# The inner loop: the xunit tests and Pester blocks whose name holds $Filter, one Pester pass (default
# sandbox), no script analysis; the same closing line as the whole suite.
function Invoke-FilteredTest {
    $names = @($Filter, ($Filter -replace '-', ''), ($Filter -replace '-', '_')) | Select-Object -Unique
    $xunitFilter = ($names | ForEach-Object { "FullyQualifiedName~$_" }) -join '|'
    $pester = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $pattern = [regex]::Escape($Filter)
    $all = @(Get-ChildItem -Path $PesterPath -Recurse -File -Filter '*.Tests.ps1')
    # A file named by the text runs whole; otherwise only its blocks named by it.
    $named = @($all | Where-Object Name -Match $pattern)
    $files = if ($named) { $named.FullName } else {
        @($all | Where-Object { Select-String -LiteralPath $_.FullName -Pattern "^\s*(Describe|Context|It)\b.*$pattern" -Quiet } | ForEach-Object FullName)
    }
    # The Pester pass (its own pwsh) runs while xunit does: the loop waits for the slower of the two, not both.
    $pass = if ($files) { Invoke-PesterPass -Name 'filtered' -PesterManifest (Find-Pester) -Path $files -FullNameFilter $(if (-not $named) { "*$Filter*" }) }
    & dotnet test (Join-Path $root 'XRocketPay.sln') -c $Configuration --no-build --nologo --results-directory $ResultsDirectory --filter $xunitFilter
    $xunitExit = $LASTEXITCODE
    $xunit = Get-TrxCount $ResultsDirectory
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }
    if ($pass) {
        $pester = Receive-PesterPass $pass
    }

    if ($xunit.Passed + $xunit.Failed + $pester.Passed + $pester.Failed -eq 0) {
        Write-BuildLine "No xunit test and no Pester block is named with '$Filter': that is a failure."
        $pester.Failed = 1
    }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    $skipped = $xunit.Skipped + $pester.Skipped
    Write-BuildLine "xunit (--filter $xunitFilter): $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped; Pester ($(@($files).Count) files, default sandbox): $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    Write-BuildLine "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0) {
        exit 1
    }
}

# PSScriptAnalyzer with the PSGallery settings, every severity, over every .ps1/.psm1/.psd1 of the repository:
# one test per file, each finding shown as file:line: rule: message. Without the analyzer: one skipped test.
function Invoke-ScriptAnalysis {
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $module = Get-Module -ListAvailable -Name PSScriptAnalyzer | Where-Object Version -GE ([version]'1.25.0') | Select-Object -First 1
    if (-not $module) {
        Write-BuildLine "PSScriptAnalyzer 1.25.0+ is not installed: script analysis skipped ($analyzerInstall)."
        $counts.Skipped = 1
        return $counts
    }

    Import-Module $module
    $generated = '[\\/](out|bin|obj|\.git|\.ci-results)[\\/]'
    $files = Get-ChildItem -Path $root -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
        Where-Object { $_.FullName.Substring($root.Length) -notmatch $generated } |
        Sort-Object FullName
    Write-BuildLine "== PSScriptAnalyzer $($module.Version) (PSGallery settings, every severity): $(@($files).Count) files"
    foreach ($file in $files) {
        $relative = [System.IO.Path]::GetRelativePath($root, $file.FullName) -replace '\\', '/'
        try {
            $findings = @(Invoke-ScriptAnalyzer -Path $file.FullName -Settings PSGallery -ErrorAction Stop)
            $problems = @($findings | ForEach-Object { "${relative}:$($_.Line): $($_.RuleName) ($($_.Severity)): $($_.Message)" })
        }
        catch {
            $problems = @("${relative}: the analyzer stopped: $($_.Exception.Message)")
        }

        if ($problems) {
            $counts.Failed++
            $problems | ForEach-Object { Write-BuildLine "  [-] $_" }
        }
        else {
            $counts.Passed++
        }
    }

    Write-BuildLine "PSScriptAnalyzer: $($counts.Passed) files clean, $($counts.Failed) with findings."
    $counts
}

function Invoke-DocsTask {
    # Build builds the help whenever platyPS is there; Assert-TaskTool stopped the run before Build otherwise.
    if (-not $script:helpBuilt) {
        Build-Help
    }
}

function Invoke-PackageTask {
    $version = (Import-PowerShellDataFile -Path (Join-Path $staged 'XRocketPay.psd1')).ModuleVersion
    $null = New-Item -ItemType Directory -Path $feed -Force
    Build-ModulePackage -Version $version
    Build-SandboxToolPackage -Version $version
}

function Build-ModulePackage {
    param([Parameter(Mandatory)] [string] $Version)
    $zip = Join-Path $root "out/XRocketPay-$Version.zip"
    Compress-Archive -Path $staged -DestinationPath $zip -Force
    Write-BuildLine "Packaged $zip"

    Remove-Item -Path (Join-Path $feed "XRocketPay.$Version.nupkg") -ErrorAction SilentlyContinue
    $repository = "XRocketPayLocal-$PID"
    Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
    try {
        Publish-PSResource -Path $staged -Repository $repository -SkipDependenciesCheck
        Get-ChildItem -Path $feed -Filter "XRocketPay.$Version.nupkg" | ForEach-Object { Write-BuildLine "Packaged $($_.FullName)" }
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
}

# The sandbox as a .NET tool (dotnet tool install XRocketPay.Sandbox; command xrocket-sandbox), with the
# module's version: users of one version get the emulator of that version.
function Build-SandboxToolPackage {
    param([Parameter(Mandatory)] [string] $Version)
    Remove-Item -Path (Join-Path $feed "XRocketPay.Sandbox.$Version.nupkg") -ErrorAction SilentlyContinue
    $project = Join-Path $root 'src/XRocketPay.Sandbox/XRocketPay.Sandbox.csproj'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('pack', $project, '-c', $Configuration, '--no-build', '--nologo', '-v', 'q', '-o', $feed, "-p:PackageVersion=$Version")
    Write-BuildLine "Packaged $(Join-Path $feed "XRocketPay.Sandbox.$Version.nupkg")"
}

function Invoke-DemoTask {
    Import-Module (Join-Path $root 'tools/XRocketSandbox.psm1') -Force
    $sandbox = Start-XRocketSandbox -Configuration $Configuration
    try {
        & (Join-Path $root 'examples/quickstart.ps1') -BaseUri $sandbox.BaseUri
        if (-not $?) {
            throw 'examples/quickstart.ps1 failed.'
        }
    }
    finally {
        Stop-XRocketSandbox -Sandbox $sandbox
    }
}

# Bench: Release build, the BenchmarkDotNet rows (C#, in-process sandbox), then the PowerShell rows (a child
# pwsh against the built sandbox); one markdown table printed and written to out/bench/results.md.
function Invoke-BenchTask {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $bench = Join-Path $root 'out/bench'
    Remove-Item -LiteralPath $bench -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Path $bench -Force
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', (Join-Path $root 'XRocketPay.sln'), '-c', 'Release', '--nologo', '--verbosity', 'quiet')

    $csharp = Join-Path $bench 'csharp.json'
    $csharpLog = Join-Path $bench 'csharp.log'
    Write-BuildLine "C# rows (BenchmarkDotNet, short job; its output goes to $csharpLog)"
    & dotnet (Join-Path $root 'tests/XRocketPay.Benchmarks/bin/Release/net10.0/XRocketPay.Benchmarks.dll') --out $csharp > $csharpLog 2>&1
    if ($LASTEXITCODE -ne 0) {
        Get-Content -LiteralPath $csharpLog -Tail 40 | ForEach-Object { Write-BuildLine $_ }
        throw "The C# benchmarks failed (exit code $LASTEXITCODE); see $csharpLog."
    }

    # A fresh pwsh like this one: pwsh itself, or dotnet + pwsh.dll under `dotnet pwsh`.
    $powershell = Join-Path $bench 'powershell.json'
    Write-BuildLine 'PowerShell rows (real pwsh, medians of runs side by side)'
    $pwsh = @([Environment]::ProcessPath)
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh[0]) -ne 'pwsh') { $pwsh += Join-Path $PSHOME 'pwsh.dll' }
    $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tests/XRocketPay.Benchmarks/PowerShell.Bench.ps1'), '-OutFile', $powershell, '-Configuration', 'Release')
    Invoke-Native -FilePath $pwsh[0] -ArgumentList $arguments

    $rows = @(Get-Content -LiteralPath $csharp -Raw | ConvertFrom-Json) + @(Get-Content -LiteralPath $powershell -Raw | ConvertFrom-Json)
    $cell = { param($text) ("$text" -replace '\|', '\|') }
    $lines = [System.Collections.Generic.List[string]]::new()
    # Other work on the machine moves time ratios: say how busy it was.
    $load = if (Test-Path -LiteralPath '/proc/loadavg') { ", load average $(((Get-Content -LiteralPath '/proc/loadavg' -Raw) -split ' ')[0..2] -join ' ')" } else { '' }
    $lines.Add("Bench run $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)) UTC, $([Environment]::ProcessorCount) cores, $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription), .NET $([Environment]::Version), pwsh $($PSVersionTable.PSVersion)$load")
    $lines.Add('')
    $lines.Add('| measurement | this run | baseline | ratio | target | met | requests |')
    $lines.Add('|---|---|---|---|---|---|---|')
    foreach ($row in $rows) {
        $met = switch ($row.Met) { $true { 'yes' } $false { '**no**' } default { '—' } }
        $lines.Add("| $(& $cell $row.Measurement) | $(& $cell $row.Measured) | $(& $cell $row.Baseline) | $(& $cell $row.Ratio) | $(& $cell $row.Target) | $met | $(& $cell $row.Requests) |")
    }

    $results = Join-Path $bench 'results.md'
    Set-Content -LiteralPath $results -Value $lines -Encoding utf8
    Write-BuildLine ''
    $lines | ForEach-Object { Write-BuildLine $_ }
    Write-BuildLine ''
    Write-BuildLine "Table written to $results; Bench took $($clock.Elapsed.ToString('m\:ss', [cultureinfo]::InvariantCulture))."
}

# What each task needs first (run once per invocation, before it) and the modules it cannot do without.
$taskGraph = [ordered]@{
    Build   = @{ DependsOn = @(); Action = { Invoke-BuildTask } }
    Docs    = @{ DependsOn = @('Build'); Action = { Invoke-DocsTask }; Needs = 'platyPS' }
    Package = @{ DependsOn = @('Docs'); Action = { Invoke-PackageTask } }
    # Test installs the packages as a user would: it makes them first wherever help can be built.
    Test    = @{ DependsOn = @('Build'); WhenAvailable = @('Package'); Action = { Invoke-TestTask } }
    Demo    = @{ DependsOn = @('Build'); Action = { Invoke-DemoTask } }
    Bench   = @{ DependsOn = @(); Action = { Invoke-BenchTask } }
}

# The tasks to run, dependencies first, each once.
function Resolve-TaskOrder {
    param([Parameter(Mandatory)] [string[]] $Name, [System.Collections.Generic.List[string]] $Order = [System.Collections.Generic.List[string]]::new())
    foreach ($each in $Name) {
        if ($Order.Contains($each)) { continue }
        $dependencies = $taskGraph[$each].DependsOn
        if ($dependencies) { $null = Resolve-TaskOrder -Name $dependencies -Order $Order }
        # The inner loop (-Filter) tests the build only: the installed-package tests are not among its tests.
        foreach ($optional in @($taskGraph[$each]['WhenAvailable'] | Where-Object { $_ -and -not $Filter })) {
            if (Test-TaskAvailable $optional) {
                $null = Resolve-TaskOrder -Name $optional -Order $Order
            }
            else {
                Write-BuildLine "$each without $($optional): platyPS 0.14.2 is not installed ($platyPSInstall), so the tests of the installed packages are skipped."
            }
        }

        $Order.Add($each)
    }

    , $Order
}

# Whether a task and every task it needs can run here (platyPS is the one tool that may be missing).
function Test-TaskAvailable([string] $Name) {
    $needed = Resolve-TaskOrder -Name $Name
    -not ($needed | Where-Object { $taskGraph[$_]['Needs'] -eq 'platyPS' } | Select-Object -First 1) -or (Import-PlatyPS)
}

# One clear line for a failed task, not a stack trace; the exit code says it failed.
try {
    $order = Resolve-TaskOrder -Name $Task
    # Packages are built in Release; one configuration per invocation, so the solution is built once.
    if (-not $Configuration) {
        $Configuration = if ($order -contains 'Package') { 'Release' } else { 'Debug' }
    }

    # A task that cannot be done stops the run before anything is built (a package without help is not shipped).
    if ($order | Where-Object { $taskGraph[$_]['Needs'] -eq 'platyPS' } | Select-Object -First 1) {
        if (-not (Import-PlatyPS)) {
            throw "$($Task -join ',') needs help, and platyPS 0.14.2 is not installed. Install it with: $platyPSInstall"
        }
    }

    $script:helpBuilt = $false
    foreach ($name in $order) {
        Write-BuildLine "== $name"
        & $taskGraph[$name].Action
    }
}
catch {
    [Console]::Error.WriteLine("build.ps1 -Task $($Task -join ','): $($_.Exception.Message)")
    exit 1
}
