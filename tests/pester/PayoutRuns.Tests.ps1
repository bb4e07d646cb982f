# Payout runs at scale (issue 13): preflight, the client-side throttle, the journal (kill and resume at the
# three points, driven by sandbox delay faults), and a 2,000-row run through faults.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox

    # The rows the child script pays: the same input on every run.
    function Get-ChildRow {
        param([int] $Rows)
        1..$Rows | ForEach-Object { [pscustomobject]@{ user_id = 7000 + $_; amount = '0.25'; asset = 'TRX' } }
    }

    function Start-PayoutChild {
        [CmdletBinding(SupportsShouldProcess)]
        param([string] $Journal, [string] $Command, [int] $Rows, [int] $ChunkSize = 4)
        if (-not $PSCmdlet.ShouldProcess($Command, 'Start a payout run in a child pwsh')) { return }
        $process = [Environment]::ProcessPath
        $info = [System.Diagnostics.ProcessStartInfo]::new($process)
        if ([System.IO.Path]::GetFileNameWithoutExtension($process) -ne 'pwsh') { $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'PayoutRun.Child.ps1'),
                '-Manifest', $script:StagedManifest, '-BaseUri', $script:BaseUri, '-Journal', $Journal, '-Command', $Command,
                '-Rows', $Rows, '-ChunkSize', $ChunkSize)) {
            $info.ArgumentList.Add([string]$argument)
        }

        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($info)
    }

    # True once every injected fault was taken: the request a delay fault holds has reached the sandbox, so
    # its intent lines are on disk (the run holds its journal locked: it is not read while the run lives).
    function Test-FaultTaken {
        $script:SandboxAdmin.Faults().Count -eq 0
    }

    # Waits (bounded) until $Condition holds, then kills the child process hard.
    function Stop-ChildWhen {
        [CmdletBinding(SupportsShouldProcess)]
        param([System.Diagnostics.Process] $Child, [scriptblock] $Condition, [int] $TimeoutSec = 600)
        if (-not $PSCmdlet.ShouldProcess("process $($Child.Id)", 'Kill when the condition holds')) { return }
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ($Child.HasExited) { throw "The child ended before the kill point: $($Child.StandardError.ReadToEnd())" }
            if ([DateTime]::UtcNow -gt $deadline) { $Child.Kill($true); throw 'The kill point was never reached.' }
            Start-Sleep -Milliseconds 100
        }

        Start-Sleep -Milliseconds 700
        $Child.Kill($true)
        $Child.WaitForExit()
    }

    # One transfer per row in the API, and the journal agrees with it.
    function Assert-OnePerRow {
        param([string] $Journal, [int] $Rows, [decimal] $Amount)
        Get-SandboxBalance -Asset TRX | Should -Be (10000 - $Rows * $Amount)
        $transfers = @(Get-XRocketTransfer | Where-Object { $_.ClientTransferId })
        $transfers.Count | Should -Be $Rows
        @($transfers.ClientTransferId | Sort-Object -Unique).Count | Should -Be $Rows
        $audit = Get-XRocketJournal $Journal -Compare
        $audit.Paid | Should -Be $Rows
        $audit.Pending | Should -Be 0
        $audit.MatchesApi | Should -BeTrue
    }
}

AfterAll {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    Close-TestSandbox
}

Describe 'Preflight' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
    }

    It 'refuses a file whose total exceeds the balance before sending anything (<_>)' -ForEach @('New-XRocketTransfer', 'New-XRocketMassTransfer') {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ user_id = 100 + $_; amount = '4000'; asset = 'USDT' } }
        $summary = $rows | & $_ -Preflight -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $summary.Passed | Should -BeFalse
        $summary.Problems | Should -Match 'USDT.*exceeds the available balance'
        @($failed.FullyQualifiedErrorId -like 'PreflightFailed,*').Count | Should -Be 1
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset USDT | Should -Be 10000
    }

    It 'runs by default for the mass cmdlet: a row with an unknown asset is refused on its own, the rest is paid' {
        $rows = [pscustomobject]@{ user_id = 5; amount = '1'; asset = 'TRX' }, [pscustomobject]@{ user_id = 6; amount = '1'; asset = 'NOPE' }
        $sent = $rows | New-XRocketMassTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable info
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'UnknownAsset,*'
        $failed[0].Exception.Message | Should -Match 'NOPE'
        $summary = $info.MessageData | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        $summary.InvalidRows | Should -Be 1
        @($sent | Where-Object Outcome -EQ 'Sent').Count | Should -Be 1
        Get-SandboxBalance -Asset TRX | Should -Be 9999
    }

    It 'flags duplicate rows, and under -WhatIf outputs the whole plan with reference reads only' {
        $rows = @(1..4 | ForEach-Object { [pscustomobject]@{ user_id = 10 + $_; amount = '1.5'; asset = 'TRX' } }) + [pscustomobject]@{ user_id = 11; amount = '1.5'; asset = 'TRX' }
        Clear-SandboxRequest
        $out = $rows | New-XRocketTransfer -Preflight -BatchId plan-1 -WhatIf
        $plan = @($out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] })
        $summary = $out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        $plan.Count | Should -Be 5
        $plan.Action | Sort-Object -Unique | Should -Be 'Send'
        $summary.Passed | Should -BeTrue
        $summary.DuplicateRows | Should -Be 1
        $summary.Totals[0].Amount | Should -Be 7.5
        $summary.CheckedAgainstApi | Should -BeTrue
        Get-StateChangingRequest | Should -BeNullOrEmpty
        # What the batch already paid is read from the transfer list: one page, no request per row.
        @(Get-SandboxRequest | Where-Object path -Match 'transfer|payout').path | Should -Be $script:Family.Many
    }
}

Describe 'Journal' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox -Token $script:CanaryToken
        $script:journal = Join-Path $TestDrive "run-$([guid]::NewGuid().ToString('N')).jsonl"
    }

    AfterAll {
        Connect-TestSandbox
    }

    It 'is valid JSON lines, holds no token, and matches the ledger' {
        $rows = 1..6 | ForEach-Object { [pscustomobject]@{ user_id = 200 + $_; amount = "0.$_"; asset = 'TRX' } }
        $null = $rows | New-XRocketTransfer -Journal $script:journal -Confirm:$false
        $text = Get-Content -LiteralPath $script:journal -Raw
        $text | Should -Not -Match ([regex]::Escape($script:CanaryToken))
        $text | Should -Not -Match 'sandbox-token|Bearer'
        $lines = @(Get-Content -LiteralPath $script:journal | ForEach-Object { $_ | ConvertFrom-Json -ErrorAction Stop })
        $lines[0].type | Should -Be 'run'
        @($lines | Where-Object type -EQ 'intent').Count | Should -Be 6
        @($lines | Where-Object type -EQ 'outcome').outcome | Sort-Object -Unique | Should -Be 'Sent'
        Assert-OnePerRow -Journal $script:journal -Rows 6 -Amount 0.35
    }

    It 're-running a finished batch sends nothing but reference reads (<_>)' -ForEach @('New-XRocketTransfer', 'New-XRocketMassTransfer') {
        $rows = 1..40 | ForEach-Object { [pscustomobject]@{ user_id = 300 + $_; amount = '0.01'; asset = 'TRX' } }
        $first = $rows | & $_ -Journal $script:journal -Confirm:$false
        @($first | Where-Object Outcome -EQ 'Sent').Count | Should -Be 40
        Clear-SandboxRequest
        $again = $rows | & $_ -Journal $script:journal -Confirm:$false
        @($again | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 40
        Get-StateChangingRequest | Should -BeNullOrEmpty
        @(Get-SandboxRequest | Where-Object path -NotIn '/api/v1/currencies', '/api/v1/balances') | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset TRX | Should -Be 9999.6
    }

    It 'a stopped run (Ctrl+C) closes its journal, and the same command resumes it' {
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'delay'; delayMs = 30000 }
        $run = [powershell]::Create()
        $null = $run.AddScript({
                param($Manifest, $BaseUri, $Journal)
                Import-Module $Manifest
                Connect-XRocket -BaseUri $BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword)
                1..3 | ForEach-Object { [pscustomobject]@{ user_id = 7000 + $_; amount = '0.25'; asset = 'TRX' } } | New-XRocketTransfer -Journal $Journal -Confirm:$false
            }).AddArgument($script:StagedManifest).AddArgument($script:BaseUri).AddArgument($script:journal)
        $handle = $run.BeginInvoke()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Test-FaultTaken)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The run never wrote an intent.' }
            Start-Sleep -Milliseconds 100
        }

        $run.Stop()
        $handle.IsCompleted | Should -BeTrue
        $run.Dispose()

        # The stopped run let go of the file: the same command opens it again and finishes the job.
        $resumed = Get-ChildRow -Rows 3 | New-XRocketTransfer -Journal $script:journal -Confirm:$false
        @($resumed | Where-Object Outcome -EQ 'Sent').Count | Should -Be 3
        Assert-OnePerRow -Journal $script:journal -Rows 3 -Amount 0.25
    }

    It 'is not created under -WhatIf or $WhatIfPreference' {
        $row = [pscustomobject]@{ user_id = 1; amount = '1'; asset = 'TRX' }
        $null = $row | New-XRocketTransfer -Journal $script:journal -BatchId whatif-1 -WhatIf
        & { $WhatIfPreference = $true; $null = $row | New-XRocketMassTransfer -Journal $script:journal -BatchId whatif-1 }
        Test-Path -LiteralPath $script:journal | Should -BeFalse
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'refuses a -BatchId other than the journal''s' {
        $null = [pscustomobject]@{ user_id = 1; amount = '1'; asset = 'TRX' } | New-XRocketTransfer -Journal $script:journal -BatchId one -Confirm:$false
        { [pscustomobject]@{ user_id = 1; amount = '1'; asset = 'TRX' } | New-XRocketTransfer -Journal $script:journal -BatchId two -Confirm:$false } |
            Should -Throw -ErrorId 'JournalUnusable*'
    }

    It 'refuses a journal whose amount the strict money reader refuses (1,000), and sends nothing' {
        Set-Content -LiteralPath $script:journal -Value '{"type":"intent","clientTransferId":"x-1","telegramUserId":"7","asset":"TRX","amount":"1,000"}'
        Clear-SandboxRequest
        { [pscustomobject]@{ user_id = 7; amount = '1'; asset = 'TRX' } | New-XRocketTransfer -Journal $script:journal -Confirm:$false } |
            Should -Throw -ErrorId 'JournalUnusable*'
        Get-XRocketJournal $script:journal -ErrorVariable unusable -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $unusable[0].FullyQualifiedErrorId | Should -BeLike 'JournalUnusable*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}

Describe 'A hard kill, then a re-run with the same input and journal' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:journal = Join-Path $TestDrive "kill-$([guid]::NewGuid().ToString('N')).jsonl"
    }

    It 'after an intent line and before its request: the row is looked up, then sent once' {
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'delay'; delayMs = 10; count = 2 }
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'delay'; delayMs = 30000 }
        $child = Start-PayoutChild -Journal $script:journal -Command New-XRocketTransfer -Rows 5
        Stop-ChildWhen -Child $child -Condition { Test-FaultTaken }
        Get-SandboxBalance -Asset TRX | Should -Be 9999.5
        (Get-XRocketJournal $script:journal).Pending | Should -Be 1

        $resumed = Get-ChildRow -Rows 5 | New-XRocketTransfer -Journal $script:journal -Confirm:$false
        @($resumed | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 2
        @($resumed | Where-Object Outcome -EQ 'Sent').Count | Should -Be 3
        Assert-OnePerRow -Journal $script:journal -Rows 5 -Amount 0.25
    }

    It 'after the server committed and before the outcome line: the row is reconciled, not paid again' {
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'delay'; delayMs = 10; count = 2 }
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'after-commit'; status = 0 }
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Many; mode = 'delay'; delayMs = 30000 }
        $child = Start-PayoutChild -Journal $script:journal -Command New-XRocketTransfer -Rows 5
        Stop-ChildWhen -Child $child -Condition { (Get-SandboxBalance -Asset TRX) -eq 9999.25 }
        $audit = Get-XRocketJournal $script:journal -Compare
        $audit.Pending | Should -Be 1
        $audit.PaidWithoutOutcome | Should -Be 1

        $resumed = Get-ChildRow -Rows 5 | New-XRocketTransfer -Journal $script:journal -Confirm:$false
        @($resumed | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 3
        @($resumed | Where-Object Outcome -EQ 'Sent').Count | Should -Be 2
        Assert-OnePerRow -Journal $script:journal -Rows 5 -Amount 0.25
    }

    It 'in the middle of a mass chunk: the chunk''s rows are looked up, then sent once' {
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Mass; mode = 'delay'; delayMs = 10 }
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Mass; mode = 'delay'; delayMs = 30000 }
        $child = Start-PayoutChild -Journal $script:journal -Command New-XRocketMassTransfer -Rows 10 -ChunkSize 4
        Stop-ChildWhen -Child $child -Condition { Test-FaultTaken }
        Get-SandboxBalance -Asset TRX | Should -Be 9999
        (Get-XRocketJournal $script:journal).Pending | Should -Be 4

        $resumed = Get-ChildRow -Rows 10 | New-XRocketMassTransfer -Journal $script:journal -ChunkSize 4 -Confirm:$false
        @($resumed | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 4
        @($resumed | Where-Object Outcome -EQ 'Sent').Count | Should -Be 6
        Assert-OnePerRow -Journal $script:journal -Rows 10 -Amount 0.25
    }
}

Describe 'A hard kill after a mass chunk was committed' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:journal = Join-Path $TestDrive "kill-$([guid]::NewGuid().ToString('N')).jsonl"
    }

    It 'reconciles the committed chunk''s rows as AlreadyDone and pays the rest once' {
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Mass; mode = 'delay'; delayMs = 10 }
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Mass; mode = 'after-commit'; status = 0 }
        Add-SandboxFault @{ method = 'POST'; path = $script:Family.Mass; mode = 'delay'; delayMs = 30000 }
        $child = Start-PayoutChild -Journal $script:journal -Command New-XRocketMassTransfer -Rows 10 -ChunkSize 4
        Stop-ChildWhen -Child $child -Condition { (Get-SandboxBalance -Asset TRX) -eq 9998 }
        (Get-XRocketJournal $script:journal).Pending | Should -Be 4

        $resumed = Get-ChildRow -Rows 10 | New-XRocketMassTransfer -Journal $script:journal -ChunkSize 4 -Confirm:$false
        @($resumed | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 8
        @($resumed | Where-Object Outcome -EQ 'Sent').Count | Should -Be 2
        Assert-OnePerRow -Journal $script:journal -Rows 10 -Amount 0.25
    }
}

Describe 'Faults and rate limits' {
    BeforeEach {
        Clear-SandboxState
        $script:journal = Join-Path $TestDrive "faults-$([guid]::NewGuid().ToString('N')).jsonl"
    }

    AfterAll {
        Connect-TestSandbox
    }

    It 'a 2,000-row run through faults after commit, 500s, 429s and dropped connections pays each row exactly once' {
        $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
        Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key -MaxRetries 6
        foreach ($fault in @(
                @{ mode = 'after-commit'; status = 500 }, @{ mode = 'status'; status = 500 }, @{ mode = 'status'; status = 429 },
                @{ mode = 'drop' }, @{ mode = 'status'; status = 429; retryAfterSeconds = 1 }, @{ mode = 'after-commit'; status = 0 })) {
            Add-SandboxFault (@{ method = 'POST'; path = $script:Family.Mass } + $fault)
        }
        Add-SandboxFault @{ method = 'GET'; path = $script:Family.One; mode = 'status'; status = 503 }
        Add-SandboxFault @{ method = 'GET'; path = $script:Family.One; mode = 'drop' }

        $rows = 1..2000 | ForEach-Object { [pscustomobject]@{ user_id = 100000 + $_; amount = '0.01'; asset = 'TRX' } }
        $result = $rows | New-XRocketMassTransfer -Journal $script:journal -ChunkSize 100 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -BeNullOrEmpty
        @($result | Where-Object Outcome -In 'Sent', 'AlreadyDone').Count | Should -Be 2000
        Get-SandboxBalance -Asset TRX | Should -Be 9980
        $audit = Get-XRocketJournal $script:journal -Compare
        $audit.Paid | Should -Be 2000
        $audit.MatchedInApi | Should -Be 2000
        $audit.MatchesApi | Should -BeTrue
    }

    It 'with -RequestsPerSecond below the sandbox''s limit, the request log shows zero 429s' {
        Set-SandboxConfig @{ rateLimitPerMinute = 30 }
        Connect-TestSandbox
        Clear-SandboxRequest
        $rows = 1..10 | ForEach-Object { [pscustomobject]@{ user_id = 900 + $_; amount = '0.1'; asset = 'TRX' } }
        $result = $rows | New-XRocketTransfer -RequestsPerSecond 0.45 -Confirm:$false
        @($result | Where-Object Outcome -EQ 'Sent').Count | Should -Be 10
        $log = @(Get-SandboxRequest)
        @($log | Where-Object method -EQ 'POST').Count | Should -Be 10
        @($log | Where-Object status -EQ 429) | Should -BeNullOrEmpty
    }

    It 'Connect-XRocket -RequestsPerSecond sets the connection''s default throttle' {
        $key = [System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword
        (Connect-XRocket -BaseUri $script:BaseUri -ApiKey $key -RequestsPerSecond 50 -PassThru).RequestsPerSecond | Should -Be 50
        Connect-TestSandbox
        (Get-XRocketConnection).RequestsPerSecond | Should -BeNullOrEmpty
    }
}

# Issue 25 items 1 and 2, and issue 19's settling step, through the cmdlets.
Describe 'Runs that say what they did' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'a -WhatIf preflight shows what the batch already paid and the conflicts; the real run pays nothing twice' {
        $rows = 1..5 | ForEach-Object { [pscustomobject]@{ user_id = 1000 + $_; amount = '1'; asset = 'TRX'; ClientTransferId = "nov-$_" } }
        $null = $rows | Select-Object -First 4 | New-XRocketTransfer -Confirm:$false
        $fixed = $rows | ForEach-Object { $_.PSObject.Copy() }
        $fixed[1].amount = '1.5'
        Clear-SandboxRequest
        $out = $fixed | New-XRocketTransfer -Preflight -WhatIf -ErrorVariable problems -ErrorAction SilentlyContinue
        $summary = $out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        $summary.AlreadyPaid | Should -Be 3
        @($out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] }).Action | Should -Be @('Skip', 'Conflict', 'Skip', 'Skip', 'Send')
        $conflict = @($problems | Where-Object { $_.TargetObject -and $_.TargetObject.PSObject.Properties['ClientTransferId'] -and $_.TargetObject.ClientTransferId -eq 'nov-2' })[0]
        $conflict.Exception.Message | Should -Match '1 TRX.*1\.5 TRX'
        Get-StateChangingRequest | Should -BeNullOrEmpty

        $run = $fixed | New-XRocketTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        # Taken rows are verified in a group, so their results come after the row sent.
        @($run.Outcome) | Should -Be @('Sent', 'AlreadyDone', 'AlreadyDone', 'AlreadyDone')
        $failed.Count | Should -Be 1
        Get-SandboxBalance -Asset TRX | Should -Be 9995
    }

    It 'a piped run without -BatchId, -Journal or client ids warns once, before the first payment' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ user_id = 1100 + $_; amount = '0.1'; asset = 'TRX' } }
        $out = @($rows | New-XRocketTransfer -Confirm:$false 3>&1)
        $out[0] | Should -BeOfType [System.Management.Automation.WarningRecord]
        $out[0].Message | Should -Match 'pay them again.*-BatchId'
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 1
        @($out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketTransferResult] -and $_.Outcome -eq 'Sent' }).Count | Should -Be 3
        @($rows | New-XRocketTransfer -BatchId safe -Confirm:$false 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
        # One row given by parameters is not a file: nothing to warn about.
        @(New-XRocketTransfer -TelegramUserId 1199 -Amount 0.1 -Asset TRX -Confirm:$false 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }) | Should -BeNullOrEmpty
    }

    It 'a run stopped by an error says how many rows were sent and how to go on' {
        $rows = @([pscustomobject]@{ user_id = 1201; amount = '0.1'; asset = 'TRX' }, [pscustomobject]@{ user_id = 404404404; amount = '0.1'; asset = 'TRX' })
        $stopped = $false
        try { $rows | New-XRocketTransfer -BatchId stop-1 -Confirm:$false -ErrorAction Stop -WarningVariable said -WarningAction SilentlyContinue }
        catch { $stopped = $true }
        $stopped | Should -BeTrue
        @($said).Message -join ' ' | Should -Match 'stopped after sending 1 row.*same -BatchId stop-1'
    }

    It 'a short outage in the middle of a run (<_>) leaves no row Unknown, and pays each row once' -ForEach @('New-XRocketTransfer', 'New-XRocketMassTransfer') {
        $command = $_
        $route = if ($command -eq 'New-XRocketTransfer') { $script:Family.Many } else { $script:Family.Mass }
        $extra = if ($command -eq 'New-XRocketTransfer') { @{} } else { @{ ChunkSize = 20; SkipPreflight = $true } }
        $rows = 1..200 | ForEach-Object {
            if ($_ -eq 101) {
                # Twelve failures in a row: three times one call's retries, well inside the settling bound.
                foreach ($fault in @(@{ mode = 'after-commit'; status = 503; count = 2 }, @{ mode = 'status'; status = 500; count = 4 },
                        @{ mode = 'drop'; count = 3 }, @{ mode = 'malformed'; count = 3 })) {
                    Add-SandboxFault (@{ method = 'POST'; path = $route } + $fault)
                }
            }
            [pscustomobject]@{ user_id = 40000 + $_; amount = '0.01'; asset = 'TRX' }
        }
        $result = $rows | & $command -BatchId "outage-$command" -Confirm:$false @extra -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -BeNullOrEmpty
        @($result | Where-Object Outcome -EQ 'Sent').Count | Should -Be 200
        Get-SandboxBalance -Asset TRX | Should -Be 9998
    }
}
