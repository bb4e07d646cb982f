BeforeDiscovery {
    # Every exported cmdlet, from the manifest: a cmdlet added later is covered without touching this file.
    $script:Cmdlets = (Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../../XRocketPay.psd1')).CmdletsToExport
    $script:AboutTopics = @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../../docs/en-US') -Filter 'about_*.md').BaseName
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:helpBuilt = Test-Path (Join-Path $script:RepoRoot 'out/XRocketPay/en-US/XRocketPay.PowerShell.dll-Help.xml')
    $script:noHelp = 'help was not built: platyPS 0.14.2 is not installed (Install-PSResource platyPS -Version 0.14.2)'
}

Describe 'Help' {
    It 'Get-Help <_> -Examples shows the examples of its page' -ForEach $script:Cmdlets {
        if (-not $script:helpBuilt) {
            Set-ItResult -Skipped -Because $script:noHelp
            return
        }

        $page = Get-Content -LiteralPath (Join-Path $script:RepoRoot "docs/en-US/$_.md") -Raw
        $expected = [regex]::Matches($page, '(?m)^### Example \d+').Count
        @((Get-Help $_ -Examples).examples.example).Count | Should -Be $expected
        $expected | Should -BeGreaterOrEqual 2
    }

    It 'Get-Help about_XRocketPay shows the about topic' {
        if (-not $script:helpBuilt) {
            Set-ItResult -Skipped -Because $script:noHelp
            return
        }

        Get-Help about_XRocketPay | Out-String | Should -BeLike '*Connect-XRocket*'
    }

    It 'help in the staged en-US folder survives another dotnet build' {
        $staging = Join-Path $TestDrive 'staged/'
        $project = Join-Path $script:RepoRoot 'src/XRocketPay.PowerShell/XRocketPay.PowerShell.csproj'
        & dotnet build $project --no-restore --nologo -v q "-p:ModuleStagingDir=$staging" | Out-Null
        $LASTEXITCODE | Should -Be 0
        $help = Join-Path $staging 'en-US/XRocketPay.PowerShell.dll-Help.xml'
        $null = New-Item -ItemType Directory -Path (Split-Path $help) -Force
        Set-Content -LiteralPath $help -Value '<helpItems />'
        & dotnet build $project --no-restore --nologo -v q "-p:ModuleStagingDir=$staging" | Out-Null
        $LASTEXITCODE | Should -Be 0
        Test-Path -LiteralPath $help | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $staging 'XRocketPay.psd1') | Should -BeTrue
    }
}

Describe 'The Pester suite' {
    It 'names every exported cmdlet in at least one test file' {
        $manifest = Import-PowerShellDataFile $script:StagedManifest
        $text = Get-ChildItem -Path $PSScriptRoot -Filter '*.Tests.ps1' | Where-Object Name -NE 'Help.Tests.ps1' | Get-Content -Raw
        $missing = $manifest.CmdletsToExport | Where-Object { ($text -join "`n") -notmatch "\b$([regex]::Escape($_))\b" }
        $missing | Should -BeNullOrEmpty
    }

    It 'the module exports exactly the cmdlets of its manifest' {
        $manifest = Import-PowerShellDataFile $script:StagedManifest
        (Get-Command -Module XRocketPay).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }
}

Describe 'Help fits 80 columns' {
    # Get-Help indents about topics and example code by 4 and breaks longer lines mid-word.
    It '<_.Name> fits 80 columns' -ForEach @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*.md') {
        $isTopic = $_.BaseName -like 'about_*'
        $inExamples = $false; $inFence = $false; $number = 0
        $tooLong = foreach ($line in Get-Content -LiteralPath $_.FullName) {
            $number++
            if ($line -like '## *') { $inExamples = $line -eq '## EXAMPLES' }
            if ($line.StartsWith('```')) { $inFence = -not $inFence; continue }
            $limit = if ($isTopic) { 76 } elseif ($inExamples -and $inFence) { 76 } else { [int]::MaxValue }
            if ($line.Length -gt $limit) { "line ${number}: $($line.Length) characters" }
        }

        $tooLong | Should -BeNullOrEmpty
    }
}

Describe 'About topics follow the platyPS 0.14.2 about-topic conventions' {
    It '<_> has the topic and lookup headers, the sections in order, fenced code and one paragraph per list item' -ForEach $script:AboutTopics {
        $lines = Get-Content -LiteralPath (Join-Path $script:RepoRoot "docs/en-US/$_.md")
        $lines[0] | Should -Be "# $($_ -replace '^about_')"
        ($lines | Where-Object { $_ -like '## *' } | Select-Object -First 1) | Should -Be "## $_"
        # The template's sections, in its order; NOTE and TROUBLESHOOTING NOTE are optional.
        $sections = @($lines | Select-Object -Skip 1 | Where-Object { $_ -match '^# [A-Z ]+$' -and $_ -notlike '*NOTE' })
        $sections | Should -Be @('# SHORT DESCRIPTION', '# LONG DESCRIPTION', '# EXAMPLES', '# SEE ALSO', '# KEYWORDS')

        $inFence = $false
        for ($i = 0; $i -lt $lines.Count; $i++) {
            $line = $lines[$i]
            if ($line.StartsWith('```')) {
                $inFence = -not $inFence
                continue
            }

            if ($inFence) { continue }
            $line | Should -Not -Match '^(    |\t)\S' -Because "line $($i + 1) is indented code outside a fence: platyPS renders it as prose"
            if ($line -like '- *') {
                # An item may go on over lines indented under it; then a blank line.
                $next = $i + 1
                while ($next -lt $lines.Count -and $lines[$next] -match '^  \S') { $next++ }
                if ($next -lt $lines.Count) {
                    $lines[$next] | Should -BeNullOrEmpty -Because "list item on line $($i + 1) must be its own paragraph, or platyPS merges the items"
                }
            }
        }

        $inFence | Should -BeFalse -Because 'every code fence is closed'
    }

    It 'renders <_> within 80 columns (platyPS present)' -ForEach $script:AboutTopics {
        if (-not $script:helpBuilt) {
            Set-ItResult -Skipped -Because $script:noHelp
            return
        }

        # platyPS re-flows paragraphs itself (to 80, not always exactly): the shown text is what counts.
        $wide = @(Get-Help $_ | Out-String -Width 300) -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 80 }
        $wide | Should -BeNullOrEmpty
    }

    It 'renders <_> with its code on lines of their own (platyPS present)' -ForEach $script:AboutTopics {
        if (-not $script:helpBuilt) {
            Set-ItResult -Skipped -Because $script:noHelp
            return
        }

        $text = Get-Help $_ | Out-String
        $text | Should -Match '(?m)^\s+Connect-XRocket -Environment'
    }
}
