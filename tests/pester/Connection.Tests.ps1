BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
}

AfterAll {
    Close-TestSandbox
}

Describe 'Connect-XRocket, Get-XRocketConnection, Disconnect-XRocket' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'verifies the token with an authorized call and shows only a hint of it' {
        Connect-TestSandbox
        $check = @(Get-SandboxRequest | Where-Object path -EQ '/api/v1/balances')
        $check.Count | Should -Be 1
        $check[0].authorized | Should -BeTrue
        $connection = Get-XRocketConnection
        $connection.BaseUri.ToString() | Should -BeLike "$script:BaseUri*"
        $connection.TokenHint | Should -Not -Match 'sandbox-token'
    }

    It 'refuses a wrong token with Unauthorized' {
        $bad = [System.Net.NetworkCredential]::new('', 'not-a-valid-token').SecurePassword
        { Connect-XRocket -BaseUri $script:BaseUri -ApiKey $bad -ErrorAction Stop } | Should -Throw -ErrorId 'Unauthorized,*'
    }

    It 'reads the token from $env:XROCKET_API_KEY' {
        $env:XROCKET_API_KEY = $script:CanaryToken
        try {
            Connect-XRocket -BaseUri $script:BaseUri
            (Get-XRocketConnection).TokenHint | Should -Be 'CA…AK'
        }
        finally {
            Remove-Item Env:XROCKET_API_KEY
        }
    }

    It 'after Disconnect-XRocket, cmdlets send nothing and name Connect-XRocket' {
        Connect-TestSandbox
        Disconnect-XRocket
        Clear-SandboxRequest
        { Get-XRocketBalance -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
        Get-SandboxRequest | Should -BeNullOrEmpty
        { Get-XRocketConnection -ErrorAction Stop } | Should -Throw '*Connect-XRocket*'
    }
}

Describe 'The token never shows' {
    It 'is in no transcript, stream, error, JSON or CliXml of a session that connected, failed and debugged' {
        $transcript = Join-Path $TestDrive 'session.txt'
        $clixml = Join-Path $TestDrive 'errors.xml'
        Start-Transcript -Path $transcript
        try {
            Connect-TestSandbox -Token $script:CanaryToken
            Get-XRocketConnection | Format-List * | Out-String | Write-Host
            Get-XRocketBalance -Asset USDT -Verbose -Debug 4>&1 5>&1 | Out-String | Write-Host
            New-XRocketTransfer -TelegramUserId 404404404 -Amount 1 -Asset USDT -Confirm:$false -Verbose -Debug -ErrorAction SilentlyContinue -ErrorVariable failed 4>&1 5>&1 | Out-String | Write-Host
            $failed | Format-List * -Force | Out-String | Write-Host
        }
        finally {
            Stop-Transcript
        }

        $failed | Should -Not -BeNullOrEmpty
        $failed | Export-Clixml -Path $clixml -Depth 5
        $everything = @(
            Get-Content -LiteralPath $transcript -Raw
            Get-Content -LiteralPath $clixml -Raw
            Get-XRocketConnection | ConvertTo-Json -Depth 10
            Get-XRocketConnection | ConvertTo-Json -Depth 10 | Out-String
            ($failed | ForEach-Object { $_.Exception.ToString() }) -join "`n"
        ) -join "`n"
        $everything | Should -Not -BeLike "*$script:CanaryToken*"
        $everything | Should -Match 'POST /api/v1/(transfers|payouts)'
    }
}

Describe 'Connections in parallel runspaces and thread jobs' {
    It 'lets every ForEach-Object -Parallel iteration connect and pay with its own connection' {
        Clear-SandboxState
        $manifest = $script:StagedManifest
        $uri = $script:BaseUri
        $results = 1..6 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:manifest
            $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
            Connect-XRocket -BaseUri $using:uri -ApiKey $key
            New-XRocketTransfer -TelegramUserId (700000 + $_) -Amount 1 -Asset TRX -Confirm:$false
        }
        @($results | Where-Object Outcome -EQ 'Sent').Count | Should -Be 6
        Get-SandboxBalance -Asset TRX | Should -Be 9994
    }

    It 'works in Start-ThreadJob' {
        $manifest = $script:StagedManifest
        $uri = $script:BaseUri
        $balance = Start-ThreadJob {
            Import-Module $using:manifest
            $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
            Connect-XRocket -BaseUri $using:uri -ApiKey $key
            Get-XRocketBalance -Asset BTC
        } | Receive-Job -Wait -AutoRemoveJob
        $balance.Asset | Should -Be 'BTC'
        $balance.Balance | Should -Be (Get-SandboxBalance -Asset BTC)
    }
}

Describe 'What a new user reads' {
    It 'the missing-token error names $env:XROCKET_API_KEY' {
        Remove-Item Env:XROCKET_API_KEY -ErrorAction SilentlyContinue
        { Connect-XRocket -BaseUri $script:BaseUri -ErrorAction Stop } | Should -Throw '*$env:XROCKET_API_KEY*'
    }

    It '-Environment Sandbox uses $env:XROCKET_API_KEY when set: a wrong one fails as production would, and says how (issue 30 item 2)' {
        $env:XROCKET_API_KEY = 'a-wrong-token-the-sandbox-does-not-know'
        try {
            Clear-SandboxRequest
            $failure = { Connect-XRocket -Environment Sandbox -BaseUri $script:BaseUri } | Should -Throw -PassThru
            $failure.FullyQualifiedErrorId | Should -BeLike 'Unauthorized,*'
            "$failure" | Should -BeLike '*refused the token from $env:XROCKET_API_KEY*--token*'
            "$failure" | Should -Not -BeLike '*a-wrong-token*'
            Get-SandboxRequest | ForEach-Object { $_.authorized | Should -BeFalse }
            Get-XRocketConnection -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            Get-StateChangingRequest | Should -BeNullOrEmpty

            $env:XROCKET_API_KEY = $script:CanaryToken
            Connect-XRocket -Environment Sandbox -BaseUri $script:BaseUri
            $connection = Get-XRocketConnection
            $connection.TokenSource | Should -Be '$env:XROCKET_API_KEY'
            ($connection | Out-String -Width 80) | Should -Match 'TokenSource\s+: \$env:XROCKET_API_KEY'
            ($connection | Out-String -Width 80) | Should -Not -BeLike "*$script:CanaryToken*"
        }
        finally {
            Remove-Item Env:XROCKET_API_KEY
        }
    }

    It 'Get-XRocketConnection names the source of the token: <Source>' -ForEach @(
        @{ Source = "the sandbox's default token"; Connect = { Connect-XRocket -Environment Sandbox -BaseUri $script:BaseUri } }
        @{ Source = '-ApiKey'; Connect = { Connect-XRocket -Environment Sandbox -BaseUri $script:BaseUri -ApiKey (ConvertTo-SecureString $script:CanaryToken -AsPlainText -Force) } }
        @{ Source = '-Credential'; Connect = { Connect-XRocket -BaseUri $script:BaseUri -Credential ([pscredential]::new('token', (ConvertTo-SecureString $script:CanaryToken -AsPlainText -Force))) } }
    ) {
        Remove-Item Env:XROCKET_API_KEY -ErrorAction SilentlyContinue
        & $Connect
        (Get-XRocketConnection).TokenSource | Should -Be $Source
        $shown = Get-XRocketConnection | Out-String -Width 80
        $shown | Should -BeLike "*TokenSource*: $Source*"
        $shown -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'xrocket-sandbox --help lists every option it accepts, within 80 columns (issue 30 item 3)' {
        $dll = Get-ChildItem (Join-Path $script:RepoRoot 'src/XRocketPay.Sandbox/bin/*/net10.0/XRocketPay.Sandbox.dll') | Select-Object -First 1
        $help = & dotnet $dll.FullName --help | Out-String
        $LASTEXITCODE | Should -Be 0
        $program = Get-Content (Join-Path $script:RepoRoot 'src/XRocketPay.Sandbox/Program.cs') -Raw
        $options = [regex]::Matches($program, 'case "(--[a-z-]+)"') | ForEach-Object { $_.Groups[1].Value }
        $options.Count | Should -BeGreaterThan 10
        foreach ($option in $options) { $help | Should -BeLike "*$option*" -Because "--help should explain $option" }
        $help | Should -Match 'Default:\s+http://127\.0\.0\.1:5080'
        $help -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'a sandbox started on a busy port says so in one line' {
        $port = ([uri]$script:BaseUri).Port
        $dll = Get-ChildItem (Join-Path $script:RepoRoot 'src/XRocketPay.Sandbox/bin/*/net10.0/XRocketPay.Sandbox.dll') | Select-Object -First 1
        $output = & dotnet $dll.FullName --urls "http://127.0.0.1:$port" 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 2
        @($output.Trim() -split "`n").Count | Should -Be 1 -Because $output
        $output | Should -BeLike "*$port*already in use*"
    }
}

Describe 'Tracing costs nothing unless someone reads it' {
    BeforeAll {
        Connect-TestSandbox
        $clientDll = Join-Path (Split-Path $script:StagedManifest) 'XRocketPay.Client.dll'
        if (-not ('TraceCounter' -as [type])) {
            Add-Type -ReferencedAssemblies $clientDll, netstandard, System.Threading -TypeDefinition @'
public static class TraceCounter
{
    public static int Calls;
    public static int WithBodies;
    public static void Hit(XRocketPay.Client.XRocketTrace trace)
    {
        System.Threading.Interlocked.Increment(ref Calls);
        if (trace.ResponseBody != null) { System.Threading.Interlocked.Increment(ref WithBodies); }
    }
}
'@
        }

        # Listen beside the module's own trace sink on this connection's client.
        $connection = Get-XRocketConnection
        $client = $connection.GetType().GetProperty('Client', [System.Reflection.BindingFlags]'NonPublic,Instance').GetValue($connection)
        $counter = [Delegate]::CreateDelegate([Action[XRocketPay.Client.XRocketTrace]], [TraceCounter].GetMethod('Hit'))
        $client.Options.Trace = [Action[XRocketPay.Client.XRocketTrace]][Delegate]::Combine($client.Options.Trace, $counter)
    }

    BeforeEach {
        [TraceCounter]::Calls = 0
        [TraceCounter]::WithBodies = 0
    }

    It 'makes no trace at all without -Verbose or -Debug' {
        $null = Get-XRocketBalance -Asset USDT
        [TraceCounter]::Calls | Should -Be 0
    }

    It 'makes one summary line per attempt with -Verbose, and no bodies' {
        $verbose = Get-XRocketBalance -Asset USDT -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        [TraceCounter]::Calls | Should -Be 1
        [TraceCounter]::WithBodies | Should -Be 0
        "$verbose" | Should -BeLike 'GET /api/v1/balances -> 200*'
    }

    It 'adds the (redacted) bodies when $DebugPreference shows debug lines' {
        $DebugPreference = 'Continue'
        $debug = Get-XRocketBalance -Asset USDT 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $DebugPreference = 'SilentlyContinue'
        [TraceCounter]::WithBodies | Should -Be 1
        "$debug" | Should -BeLike '*GET /api/v1/balances response: {*'
    }

    It 'follows $VerbosePreference set in a function, as the engine does' {
        function Invoke-Quietly {
            [CmdletBinding()]
            param()
            $VerbosePreference = 'Continue'
            Get-XRocketBalance -Asset USDT 4>&1
        }

        $verbose = Invoke-Quietly | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        [TraceCounter]::Calls | Should -Be 1
        "$verbose" | Should -BeLike 'GET /api/v1/balances -> 200*'
    }
}
