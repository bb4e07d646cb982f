# Issue 25 item 7: every example of the cmdlet help (docs/en-US/<Cmdlet>.md) and every PowerShell block of the
# about topics runs as written against the sandbox, with only the connection set up: a runspace with the
# module, Connect-XRocket -Environment Sandbox (its address given through $PSDefaultParameterValues, so an
# example's own Connect-XRocket -Environment Sandbox reaches it too), and a working folder holding the
# sample examples/payouts.csv, whose two rows described 'Refused: ...' are refused on purpose: errors about
# them are what such an example shows. An example that cannot run offline says so in its text, "(needs a live account)" or
# "(needs a person at the prompt)"; a test holds such an example to its reason. Pages and examples are found
# at run time: a new cmdlet page or example is covered without touching this file.
BeforeDiscovery {
    $marker = '\(needs a (?<need>live account|person at the prompt)\)'
    $script:Examples = foreach ($page in Get-ChildItem -Path (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*.md' | Sort-Object Name) {
        $lines = @(Get-Content -LiteralPath $page.FullName)
        $isTopic = $page.BaseName -like 'about_*'
        $title = $null; $text = ''; $code = $null; $inFence = $false; $fence = $null; $number = 0
        $items = [System.Collections.Generic.List[hashtable]]::new()
        for ($i = 0; $i -le $lines.Count; $i++) {
            $line = if ($i -lt $lines.Count) { $lines[$i] } else { '## END' }
            if ($inFence) {
                if ($line.StartsWith('```')) {
                    $inFence = $false
                    if ($fence -eq 'powershell') {
                        $body = ($code -join "`n") -replace '(?m)^PS [^>\r\n]*> ', ''
                        if ($isTopic) {
                            $number++
                            # In a topic, the paragraph just before a block says whether it needs a live account.
                            $items.Add(@{ Page = $page.BaseName; Name = "block $number (line $($i - $code.Count))"; Code = $body; Live = if ($text -match $marker) { $Matches.need }; Topic = $true })
                            $text = ''
                        }
                        elseif ($title -and -not $items.Where({ $_.Name -eq $title })) {
                            $items.Add(@{ Page = $page.BaseName; Name = $title; Code = $body; Live = $null; Topic = $false })
                        }
                    }
                }
                else {
                    $code.Add($line)
                }

                continue
            }

            if ($line -match '^```(\w*)') {
                $inFence = $true; $fence = $Matches[1]; $code = [System.Collections.Generic.List[string]]::new()
                continue
            }

            if (-not $isTopic -and $line -match '^##') {
                # A cmdlet example ends at the next heading: its title and description may carry the marker.
                if ($title -and $text -match $marker) { $need = $Matches.need; $items.Where({ $_.Name -eq $title }).ForEach({ $_.Live = $need }) }
                $title = if ($line -match '^### (Example \d+.*)') { $Matches[1].Trim() } else { $null }
                $text = $line
                continue
            }

            if ($isTopic -and -not $line.Trim()) {
                if ($lines[[Math]::Max(0, $i - 1)].Trim()) { continue }
            }

            $text = if ($isTopic -and -not $line.Trim()) { '' } else { "$text`n$line" }
        }

        $items
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    $script:Topics = @{}
    # As installed: found by name, so new runspaces (ForEach-Object -Parallel) load it as users' do.
    $script:SavedModulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $script:RepoRoot 'out') + [IO.Path]::PathSeparator + $env:PSModulePath

    # A runspace as a reader's session: the module, the sandbox connection, a folder with payouts.csv.
    function Open-ExampleSession {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $folder
        Copy-Item -LiteralPath (Join-Path $script:RepoRoot 'examples/payouts.csv') -Destination $folder
        $shell = [powershell]::Create([System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2())
        $null = $shell.AddScript({
                param($Manifest, $BaseUri, $Folder)
                [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::InvariantCulture
                Import-Module $Manifest
                $global:PSDefaultParameterValues['Connect-XRocket:BaseUri'] = $BaseUri
                Connect-XRocket -Environment Sandbox
                Set-Location -LiteralPath $Folder
            }).AddArgument($script:StagedManifest).AddArgument($script:BaseUri).AddArgument($folder)
        $null = $shell.Invoke()
        if ($shell.HadErrors) { throw "The example session could not connect: $($shell.Streams.Error | Out-String)" }
        $shell.Commands.Clear()
        $shell
    }

    # Runs one example; returns what went wrong ('' when nothing did). An example that captures its errors
    # itself (-ErrorVariable, -ErrorAction SilentlyContinue) shows them on purpose: only a stop counts then.
    function Invoke-Example {
        param([System.Management.Automation.PowerShell] $Shell, [string] $Code)
        $Shell.Streams.Error.Clear()
        $problem = ''
        try {
            $null = $Shell.AddScript($Code).Invoke()
        }
        catch {
            $reason = if ($_.Exception.InnerException) { $_.Exception.InnerException } else { $_.Exception }
            $problem = "stopped: $($reason.Message)"
        }
        finally {
            $Shell.Commands.Clear()
        }

        $capturesErrors = $Code -match '-ErrorVariable|-ErrorAction\s+(SilentlyContinue|Ignore)'
        # The sample file's refused rows say so in their description column.
        $unexpected = @($Shell.Streams.Error | Where-Object { -not ($_.TargetObject -and $_.TargetObject.PSObject.Properties['description'] -and "$($_.TargetObject.description)" -like 'Refused:*') })
        if (-not $problem -and -not $capturesErrors -and $unexpected.Count) {
            $problem = ($unexpected | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join "`n"
        }

        $problem
    }
}

AfterAll {
    foreach ($shell in $script:Topics.Values) { $shell.Dispose() }
    $env:PSModulePath = $script:SavedModulePath
    Close-TestSandbox
}

Describe 'Help examples run as written against the sandbox' {
    It '<Page>: <Name>' -ForEach @($script:Examples | Where-Object { -not $_.Live -and -not $_.Topic }) {
        Clear-SandboxState
        $shell = Open-ExampleSession
        try {
            Invoke-Example -Shell $shell -Code $Code | Should -BeNullOrEmpty -Because $Code
        }
        finally {
            $shell.Dispose()
        }
    }

    It '<Page>: <Name>' -ForEach @($script:Examples | Where-Object { -not $_.Live -and $_.Topic }) {
        # A topic is read top to bottom in one session: a block may use what an earlier one made.
        if (-not $script:Topics.ContainsKey($Page)) {
            Clear-SandboxState
            $script:Topics[$Page] = Open-ExampleSession
        }

        Invoke-Example -Shell $script:Topics[$Page] -Code $Code | Should -BeNullOrEmpty -Because $Code
    }

    It '<Page>: <Name> needs a <Live>, as it says' -ForEach @($script:Examples | Where-Object Live) {
        # A live environment, a vault, or a webhook delivery only a live account sends; a prompt, or a
        # confirmation a script would skip with -Confirm:$false.
        $need = if ($Live -eq 'live account') { '-Environment (Production|Exchange|Testnet)|Get-AutomationVariable|-Vault |-Body \$|delivery\.json|Receive-XRocketWebhook' } else { 'Read-Host|^(?![\s\S]*-Confirm:\$false)' }
        $Code | Should -Match $need -Because 'only an example that cannot run against the sandbox may skip running'
    }
}

Describe 'Open-amount invoices speak of -MinPayment' {
    BeforeAll {
        Connect-TestSandbox
    }

    It 'New-XRocketInvoice without -Amount and -MinPayment says -MinPayment and sends nothing' {
        Clear-SandboxRequest
        New-XRocketInvoice -Currency TONCOIN -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MissingParameter,*'
        $failed[0].Exception.Message | Should -BeLike '*-MinPayment*'
        $failed[0].Exception.Message | Should -Not -MatchExactly "'minPayment'|'priceAmount'" -Because 'the cmdlet speaks of its parameters, not the API fields'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}
