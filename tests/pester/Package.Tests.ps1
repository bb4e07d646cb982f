# Issue 20: what users install is what CI checks. The packages -Task Package put in out/feed, installed as a
# user installs them: the module with PSResourceGet into an empty folder and used from a fresh pwsh that sees
# only that folder and $PSHOME/Modules; the sandbox with `dotnet tool install`, started as `xrocket-sandbox`.
BeforeDiscovery {
    $feed = Join-Path $PSScriptRoot '../../out/feed'
    $script:noPackages = -not (Test-Path -Path (Join-Path $feed 'XRocketPay.Sandbox.*.nupkg'))
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Feed = Join-Path $script:RepoRoot 'out/feed'
    $script:Version = (Import-PowerShellDataFile -Path $script:StagedManifest).ModuleVersion
    $script:Pwsh = Join-Path $PSHOME 'pwsh'
}

Describe 'The packages in out/feed, installed as a user installs them' -Skip:$script:noPackages {
    BeforeAll {
        # The module: PSResourceGet from the folder feed into an empty module folder. Repository registrations
        # are per user and both Pester passes run at once: one registration at a time.
        $script:ModuleFolder = Join-Path $TestDrive 'Modules'
        $null = New-Item -ItemType Directory -Path $script:ModuleFolder
        $repository = "XRocketPayTest-$PID"
        $lock = [System.Threading.Mutex]::new($false, 'XRocketPayPSResourceRepository')
        $null = $lock.WaitOne()
        try {
            Register-PSResourceRepository -Name $repository -Uri $script:Feed -Trusted
            Save-PSResource -Name XRocketPay -Version $script:Version -Repository $repository -Path $script:ModuleFolder -TrustRepository -Quiet
        }
        finally {
            Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
            $lock.ReleaseMutex()
        }

        # The sandbox: dotnet tool install from the feed alone (a config with no other source, so no other
        # package of that name can answer) and a packages folder of its own (never a cached older build).
        $script:ToolFolder = Join-Path $TestDrive 'tools'
        $config = Join-Path $TestDrive 'nuget.config'
        Set-Content -LiteralPath $config -Value '<configuration><packageSources><clear /></packageSources></configuration>'
        $env:NUGET_PACKAGES = Join-Path $TestDrive 'nuget-packages'
        try {
            $script:ToolInstall = & dotnet tool install XRocketPay.Sandbox --version $script:Version --tool-path $script:ToolFolder --configfile $config --add-source $script:Feed 2>&1 | Out-String
            $script:ToolInstallExit = $LASTEXITCODE
        }
        finally {
            Remove-Item Env:NUGET_PACKAGES
        }

        $suite = @($env:XROCKET_TEST_SANDBOX_ARGS -split ' ' | Where-Object { $_ })
        $command = Join-Path $script:ToolFolder $(if ($IsWindows) { 'xrocket-sandbox.exe' } else { 'xrocket-sandbox' })
        if ($script:ToolInstallExit -eq 0) {
            $script:ToolSandbox = Start-XRocketSandbox -FilePath $command -ArgumentList $suite -Confirm:$false
        }

        # A fresh pwsh that sees only the installed folder and $PSHOME/Modules; the script it runs is given as text.
        function Invoke-InstalledPwsh {
            param([Parameter(Mandatory)] [string] $Script)
            $file = Join-Path $TestDrive "child-$([guid]::NewGuid().ToString('n')).ps1"
            $prelude = "`$env:PSModulePath = '$script:ModuleFolder' + [IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules')`n"
            Set-Content -LiteralPath $file -Value ($prelude + $Script)
            $output = & $script:Pwsh -NoProfile -NonInteractive -File $file 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
        }
    }

    AfterAll {
        if ($script:ToolSandbox) {
            Stop-XRocketSandbox -Sandbox $script:ToolSandbox -Confirm:$false
        }
    }

    It 'both packages carry the module version, with no prerelease suffix' {
        $script:Version | Should -Match '^\d+\.\d+\.\d+$'
        Test-Path -LiteralPath (Join-Path $script:Feed "XRocketPay.$script:Version.nupkg") | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $script:Feed "XRocketPay.Sandbox.$script:Version.nupkg") | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $script:ModuleFolder "XRocketPay/$script:Version/XRocketPay.psd1") | Should -BeTrue
    }

    It 'the installed module imports by name, and every cmdlet has a synopsis and at least two examples' {
        $run = Invoke-InstalledPwsh -Script @'
$ErrorActionPreference = 'Stop'
Import-Module XRocketPay
"base=$((Get-Module XRocketPay).ModuleBase)"
foreach ($command in Get-Command -Module XRocketPay) {
    $help = Get-Help -Name $command.Name -Full
    # Without help, Get-Help makes a synopsis from the syntax: it starts with the command's name.
    $synopsis = "$($help.Synopsis)".Trim()
    if (-not $synopsis -or $synopsis.StartsWith($command.Name)) { "problem=$($command.Name): no synopsis" }
    $examples = @($help.examples.example).Count
    if ($examples -lt 2) { "problem=$($command.Name): $examples example(s)" }
}
"commands=$(@(Get-Command -Module XRocketPay).Count)"
'@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match ([regex]::Escape("base=$script:ModuleFolder"))
        $run.Output | Should -Not -Match 'problem=' -Because $run.Output
        $manifest = Import-PowerShellDataFile -Path $script:StagedManifest
        $run.Output | Should -Match "commands=$($manifest.CmdletsToExport.Count)\b"
    }

    It 'the installed module finds every about topic of docs/en-US' {
        $topics = @(Get-ChildItem -Path (Join-Path $script:RepoRoot 'docs/en-US') -Filter 'about_*.md').BaseName
        $topics | Should -Not -BeNullOrEmpty
        $checks = ($topics | ForEach-Object { "if (-not (Get-Help -Name $_ -Category HelpFile -ErrorAction SilentlyContinue)) { 'missing=$_' }" }) -join "`n"
        $run = Invoke-InstalledPwsh -Script "Import-Module XRocketPay`n$checks`n'done'"
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'done'
        $run.Output | Should -Not -Match 'missing=' -Because $run.Output
    }

    It 'dotnet tool install gives the xrocket-sandbox command, and the module connects to it' {
        $script:ToolInstallExit | Should -Be 0 -Because $script:ToolInstall
        $script:ToolSandbox.BaseUri | Should -Match '^http://127\.0\.0\.1:\d+'
        try {
            Connect-XRocket -Environment Sandbox -BaseUri $script:ToolSandbox.BaseUri
            (Get-XRocketBalance -Asset TONCOIN).Available | Should -Be 10000
        }
        finally {
            Disconnect-XRocket
        }
    }

    It 'examples/quickstart.ps1 runs with the installed module against the installed sandbox' {
        $quickstart = Join-Path $script:RepoRoot 'examples/quickstart.ps1'
        $run = Invoke-InstalledPwsh -Script @"
& '$quickstart' -BaseUri '$($script:ToolSandbox.BaseUri)'
if (-not `$?) { exit 1 }
"base=`$((Get-Module XRocketPay).ModuleBase)"
"@
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -BeLike '*Balances afterwards:*'
        $run.Output | Should -Match ([regex]::Escape("base=$script:ModuleFolder"))
    }
}
