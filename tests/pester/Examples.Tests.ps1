BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox

    # Each example runs as a user runs it: a fresh pwsh, the script file, its exit code.
    $script:exampleOutput = ''
    function Invoke-Example {
        param([string] $Name, [string[]] $ArgumentList)
        $pwsh = Join-Path $PSHOME 'pwsh'
        $script:exampleOutput = & $pwsh -NoProfile -NonInteractive -File (Join-Path $script:RepoRoot "examples/$Name") @ArgumentList 2>&1 | Out-String
        $LASTEXITCODE
    }
}

AfterAll {
    Close-TestSandbox
}

Describe 'The examples, end to end against the sandbox' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'quickstart.ps1 pays, is paid and leaves the cheque money where it was' {
        $exit = Invoke-Example -Name quickstart.ps1 -ArgumentList '-BaseUri', $script:BaseUri
        $exit | Should -Be 0 -Because $script:exampleOutput
        $script:exampleOutput | Should -BeLike '*Balances afterwards:*'
        Get-SandboxBalance -Asset TONCOIN | Should -Be (10000 + 2.5 - 1.23)
        Get-SandboxBalance -Asset USDT | Should -Be 10000
    }

    It 'quickstart.ps1 never shows the cheque it just removed as not deleted, and shows its link' {
        $exit = Invoke-Example -Name quickstart.ps1 -ArgumentList '-BaseUri', $script:BaseUri
        $exit | Should -Be 0 -Because $script:exampleOutput
        $script:exampleOutput | Should -Not -Match 'Deleted\s*:?\s*False'
        $script:exampleOutput | Should -Match 'deleted'
        $script:exampleOutput | Should -BeLike '*https://t.me/*'
    }

    It 'quickstart.ps1 without a sandbox address stops and says what it needs' {
        $exit = Invoke-Example -Name quickstart.ps1 -ArgumentList @()
        $exit | Should -Not -Be 0
    }

    It 'payouts-from-csv.ps1 pays the good rows once, even when run twice, and writes the retry file outside the repo' {
        $retry = Join-Path $TestDrive 'retry.csv'
        $arguments = '-BaseUri', $script:BaseUri, '-BatchId', 'pester-example', '-RetryPath', $retry
        $exit = Invoke-Example -Name payouts-from-csv.ps1 -ArgumentList $arguments
        $exit | Should -Be 0 -Because $script:exampleOutput
        $exit = Invoke-Example -Name payouts-from-csv.ps1 -ArgumentList $arguments
        $exit | Should -Be 0 -Because $script:exampleOutput
        Get-SandboxBalance -Asset TONCOIN | Should -Be (10000 - 1.23 - 0.5)
        Get-SandboxBalance -Asset USDT | Should -Be (10000 - 25)
        $failedRows = @(Import-Csv $retry)
        $failedRows.Count | Should -Be 2
        $failedRows.ClientTransferId | Should -Not -Contain ''
        Test-Path (Join-Path $script:RepoRoot 'examples/retry.csv') | Should -BeFalse
    }

    It 'Payouts.Tests.ps1, the Pester example of about_XRocketPay_Testing, passes against the built sandbox' {
        # A user's run: a fresh pwsh that finds XRocketPay by name, Pester, and the sandbox command given as data.
        $child = Join-Path $TestDrive 'run-user-tests.ps1'
        $sandboxDll = @($script:Sandbox.Process.StartInfo.ArgumentList)[0]
        Set-Content -LiteralPath $child -Value @"
`$env:PSModulePath = '$(Join-Path $script:RepoRoot 'out')' + [IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module '$((Get-Module Pester).Path)'
`$container = New-PesterContainer -Path '$(Join-Path $script:RepoRoot 'examples/Payouts.Tests.ps1')' -Data @{ Sandbox = 'dotnet', '$sandboxDll' }
`$result = Invoke-Pester -Container `$container -PassThru -Output Detailed
"counts=`$(`$result.PassedCount)/`$(`$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount)"
"@
        $output = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $child 2>&1 | Out-String
        $output | Should -Match 'counts=3/0' -Because $output
    }

    It 'runbook.ps1 reports the batch and exits 1 because two rows failed' {
        $env:XROCKET_API_KEY = 'sandbox-token'
        try {
            $arguments = '-Path', (Join-Path $script:RepoRoot 'examples/payouts.csv'), '-BatchId', 'pester-runbook', '-Environment', 'Sandbox', '-BaseUri', $script:BaseUri, '-RetryPath', (Join-Path $TestDrive 'retry.csv')
            $exit = Invoke-Example -Name runbook.ps1 -ArgumentList $arguments
            $exit | Should -Be 1
            $script:exampleOutput | Should -BeLike '*Batch pester-runbook: 3 sent, 0 already done, 2 failed.*'
            $exit = Invoke-Example -Name runbook.ps1 -ArgumentList $arguments
            $exit | Should -Be 1
            $script:exampleOutput | Should -BeLike '*Batch pester-runbook: 0 sent, 3 already done, 2 failed.*'
        }
        finally {
            Remove-Item Env:XROCKET_API_KEY
        }
    }
}
