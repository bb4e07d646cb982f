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

    # The customer, in a thread of its own: pays the first active invoice once it exists (and, with -Port,
    # once the example listens there); outputs the invoice's status after paying.
    function Invoke-CustomerLater {
        param([int] $Port)
        Start-ThreadJob -ArgumentList $script:StagedManifest, $script:BaseUri, $Port -ScriptBlock {
            param($Manifest, $BaseUri, $Port)
            Import-Module $Manifest
            Connect-XRocket -Environment Sandbox -BaseUri $BaseUri
            $deadline = [DateTime]::UtcNow.AddMinutes(5)
            do {
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The example never created its invoice.' }
                Start-Sleep -Milliseconds 200
                $invoice = Get-XRocketInvoice -Status active | Select-Object -First 1
            } until ($invoice)
            while ($Port) {
                try { $probe = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $Port); $probe.Dispose(); break }
                catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 50 }
            }
            ($invoice | Invoke-XRocketInvoicePayment -Confirm:$false).Status
        }
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

    It 'runbook.ps1 takes the batch id from the file''s name, so a restart on another day pays nothing again (issue 28 item 4)' {
        $env:XROCKET_API_KEY = 'sandbox-token'
        try {
            $file = Join-Path $TestDrive 'payroll-2026-11.csv'
            Copy-Item -LiteralPath (Join-Path $script:RepoRoot 'examples/payouts.csv') -Destination $file
            $arguments = '-Path', $file, '-Environment', 'Sandbox', '-BaseUri', $script:BaseUri, '-RetryPath', (Join-Path $TestDrive 'retry-named.csv')
            $null = Invoke-Example -Name runbook.ps1 -ArgumentList $arguments
            $script:exampleOutput | Should -BeLike '*Batch payroll-2026-11: 3 sent, 0 already done, 2 failed.*'
            # Nothing in the batch id depends on when it runs: a restart (any day) resumes the same batch.
            $null = Invoke-Example -Name runbook.ps1 -ArgumentList $arguments
            $script:exampleOutput | Should -BeLike '*Batch payroll-2026-11: 0 sent, 3 already done, 2 failed.*'
        }
        finally {
            Remove-Item Env:XROCKET_API_KEY
        }
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

    It 'sell-with-invoice.ps1 waits for the payment by polling, re-reads the invoice and delivers' {
        $payer = Invoke-CustomerLater
        $exit = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList '-BaseUri', $script:BaseUri, '-OrderId', 'pester-poll', '-TimeoutSec', '300', '-DeliveredFile', (Join-Path $TestDrive 'poll.txt')
        $paid = $payer | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $exit | Should -Be 0 -Because $script:exampleOutput
        $script:exampleOutput | Should -BeLike '*https://t.me/*'
        $script:exampleOutput | Should -BeLike '*Delivered order pester-poll: paid 2.5 TONCOIN*'
        $paid | Should -Be 'paid'
        Get-SandboxBalance -Asset TONCOIN | Should -Be 10002.5

        # Re-run for the same order: delivered already, so nothing is created, waited for or delivered again.
        Clear-SandboxRequest
        $exit = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList '-BaseUri', $script:BaseUri, '-OrderId', 'pester-poll', '-TimeoutSec', '300', '-DeliveredFile', (Join-Path $TestDrive 'poll.txt')
        $exit | Should -Be 0 -Because $script:exampleOutput
        $script:exampleOutput | Should -BeLike '*Order pester-poll was already delivered*'
        $script:exampleOutput | Should -Not -BeLike '*Delivered order*'
        Get-SandboxRequest | Should -BeNullOrEmpty
    }

    It 'sell-with-invoice.ps1 re-run for an order paid but not yet delivered delivers at once, polling or listening' {
        Connect-TestSandbox
        $null = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList '-BaseUri', $script:BaseUri, '-OrderId', 'pester-again', '-TimeoutSec', '1', '-DeliveredFile', (Join-Path $TestDrive 'first.txt')
        $null = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList '-BaseUri', $script:BaseUri, '-OrderId', 'pester-again', '-TimeoutSec', '1', '-DeliveredFile', (Join-Path $TestDrive 'first.txt')
        @(Get-XRocketInvoice -Status active).Count | Should -Be 1 -Because 'the same order finds the same invoice'
        $null = Get-XRocketInvoice -ClientInvoiceId 'pester-again' | Invoke-XRocketInvoicePayment -Confirm:$false
        foreach ($listen in @($false, $true)) {
            $arguments = @('-BaseUri', $script:BaseUri, '-OrderId', 'pester-again', '-TimeoutSec', '300', '-DeliveredFile', (Join-Path $TestDrive "again-$listen.txt"))
            if ($listen) { $arguments += '-ListenPrefix', "http://127.0.0.1:$(Get-FreeTcpPort)/shop/" }
            $exit = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList $arguments
            $exit | Should -Be 0 -Because $script:exampleOutput
            $script:exampleOutput | Should -BeLike '*is already paid: not waiting*'
            $script:exampleOutput | Should -BeLike '*Delivered order pester-again: paid 2.5 TONCOIN*'
        }

        # Another amount for the same order is a conflict naming it, never a second invoice.
        $exit = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList '-BaseUri', $script:BaseUri, '-OrderId', 'pester-again', '-Amount', '3', '-DeliveredFile', (Join-Path $TestDrive 'other.txt')
        $exit | Should -Not -Be 0
        $script:exampleOutput | Should -BeLike '*pester-again*different priceAmount*'
        @(Get-XRocketInvoice).Count | Should -Be 1
    }

    It 'sell-with-invoice.ps1 waits for the sandbox''s signed webhook when given a prefix, then delivers' {
        $port = Get-FreeTcpPort
        $payer = Invoke-CustomerLater -Port $port
        $arguments = '-BaseUri', $script:BaseUri, '-OrderId', 'pester-hook', '-TimeoutSec', '300', '-ListenPrefix', "http://127.0.0.1:$port/shop/", '-DeliveredFile', (Join-Path $TestDrive 'hook.txt')
        $exit = Invoke-Example -Name sell-with-invoice.ps1 -ArgumentList $arguments
        $null = $payer | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $exit | Should -Be 0 -Because $script:exampleOutput
        $script:exampleOutput | Should -BeLike '*Webhook *: invoice * is paid.*'
        $script:exampleOutput | Should -BeLike '*Delivered order pester-hook: paid 2.5 TONCOIN*'
        $delivery = @($script:SandboxAdmin.WebhookDeliveries()) | Where-Object type -EQ 'invoice'
        $delivery.status | Should -Be '200'
    }
}
