# A payout journal that cannot be shared or damaged into paying twice (issue 28 item 3), and an audit that
# tells the truth after the documented retry flow (issue 28 item 5). Both payout cmdlets, against the sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox

    function Get-PaidRow {
        1..3 | ForEach-Object { [pscustomobject]@{ user_id = 8100 + $_; amount = '0.5'; asset = 'TRX' } }
    }

    # A run in a runspace of this process whose first payment request waits in the sandbox: it holds the journal.
    function Invoke-HeldRun {
        param([string] $Journal, [string] $Command)
        Add-SandboxFault @{ method = 'POST'; path = ($Command -eq 'New-XRocketTransfer' ? $script:Family.Many : $script:Family.Mass); mode = 'delay'; delayMs = 60000 }
        $run = [powershell]::Create()
        $null = $run.AddScript({
                param($Manifest, $BaseUri, $Journal, $Command)
                Import-Module $Manifest
                Connect-XRocket -BaseUri $BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword)
                1..2 | ForEach-Object { [pscustomobject]@{ user_id = 8200 + $_; amount = '0.5'; asset = 'TRX' } } | & $Command -Journal $Journal -Confirm:$false
            }).AddArgument($script:StagedManifest).AddArgument($script:BaseUri).AddArgument($Journal).AddArgument($Command)
        $handle = $run.BeginInvoke()
        # The delay fault is taken when the first payment request reaches the sandbox: the run holds its journal then.
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while ($script:SandboxAdmin.Faults().Count -gt 0) {
            if ($handle.IsCompleted) { throw "The held run ended: $($run.Streams.Error)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The held run never sent its request.' }
            Start-Sleep -Milliseconds 50
        }

        $run
    }
}

AfterAll {
    Close-TestSandbox
}

Describe 'A damaged journal is refused, and nothing is paid again (<_>)' -ForEach @('New-XRocketTransfer', 'New-XRocketMassTransfer') {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:journal = Join-Path $TestDrive "damaged-$([guid]::NewGuid().ToString('N')).jsonl"
        $first = Get-PaidRow | & $_ -Journal $script:journal -Confirm:$false
        @($first | Where-Object Outcome -EQ 'Sent').Count | Should -Be 3
        Clear-SandboxRequest
    }

    It 'first line deleted' {
        $lines = Get-Content -LiteralPath $script:journal
        Set-Content -LiteralPath $script:journal -Value $lines[1..($lines.Count - 1)]
        { Get-PaidRow | & $_ -Journal $script:journal -Confirm:$false } | Should -Throw -ErrorId 'JournalUnusable*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset TRX | Should -Be 9998.5
    }

    It 'first 30 bytes cut' {
        $bytes = [System.IO.File]::ReadAllBytes($script:journal)
        [System.IO.File]::WriteAllBytes($script:journal, $bytes[30..($bytes.Length - 1)])
        $refused = { Get-PaidRow | & $_ -Journal $script:journal -Confirm:$false } | Should -Throw -ErrorId 'JournalUnusable*' -PassThru
        $refused.Exception.Message | Should -Match 'line 1'
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset TRX | Should -Be 9998.5
    }

    It 'batch id edited' {
        $text = Get-Content -LiteralPath $script:journal -Raw
        Set-Content -LiteralPath $script:journal -Value ($text -replace '"batchId":"j-[0-9a-f]+"', '"batchId":"edited"') -NoNewline
        $refused = { Get-PaidRow | & $_ -Journal $script:journal -Confirm:$false } | Should -Throw -ErrorId 'JournalUnusable*' -PassThru
        $refused.Exception.Message | Should -Match 'edited'
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-SandboxBalance -Asset TRX | Should -Be 9998.5
        Get-XRocketJournal $script:journal -ErrorVariable unusable -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $unusable[0].FullyQualifiedErrorId | Should -BeLike 'JournalUnusable*'
    }

    It 'a -Preflight run is refused the same way' {
        $lines = Get-Content -LiteralPath $script:journal
        Set-Content -LiteralPath $script:journal -Value $lines[1..($lines.Count - 1)]
        { Get-PaidRow | & $_ -Journal $script:journal -Preflight -Confirm:$false } | Should -Throw -ErrorId 'JournalUnusable*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}

Describe 'Every parse error of a journal is JournalUnusable naming the line' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:journal = Join-Path $TestDrive "parse-$([guid]::NewGuid().ToString('N')).jsonl"
        $null = Get-PaidRow | New-XRocketTransfer -Journal $script:journal -Confirm:$false
        Clear-SandboxRequest
    }

    It '<Name>' -ForEach @(
        @{ Name = 'a bad at date'; Line = '{"type":"intent","at":"yesterday","clientTransferId":"x-1","target":"7","asset":"TRX","amount":"1"}' }
        @{ Name = 'a huge version'; Line = '{"type":"run","at":"2026-01-01T00:00:00.000Z","batchId":"x","version":99999999999999}' }
        @{ Name = 'a line that is not JSON'; Line = '{"type":"outcome",' }
        @{ Name = 'a line that is not an object'; Line = '[1,2]' }
    ) {
        $lines = @(Get-Content -LiteralPath $script:journal)
        $damaged = @($lines[0], $Line) + $lines[1..($lines.Count - 1)]
        Set-Content -LiteralPath $script:journal -Value $damaged
        $refused = { Get-PaidRow | New-XRocketTransfer -Journal $script:journal -Confirm:$false } | Should -Throw -ErrorId 'JournalUnusable*' -PassThru
        $refused.Exception.Message | Should -Match 'line 2\b'
        Get-StateChangingRequest | Should -BeNullOrEmpty
        Get-XRocketJournal $script:journal -ErrorVariable unusable -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $unusable[0].FullyQualifiedErrorId | Should -BeLike 'JournalUnusable*'
        $unusable[0].Exception.Message | Should -Match 'line 2\b'
    }

    It 'a last line cut by a kill is not an error: the next run ends it and goes on' {
        Add-Content -LiteralPath $script:journal -Value '{"type":"outcome","clientTra' -NoNewline
        $again = Get-PaidRow | New-XRocketTransfer -Journal $script:journal -Confirm:$false
        @($again | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 3
        Get-StateChangingRequest | Should -BeNullOrEmpty
        (Get-XRocketJournal $script:journal).Paid | Should -Be 3
    }
}

Describe 'A journal is one run''s at a time (<_>)' -ForEach @('New-XRocketTransfer', 'New-XRocketMassTransfer') {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:journal = Join-Path $TestDrive "locked-$([guid]::NewGuid().ToString('N')).jsonl"
    }

    It 'a second run on a journal in use stops at once with JournalInUse and sends nothing' {
        $held = Invoke-HeldRun -Journal $script:journal -Command $_
        try {
            Clear-SandboxRequest
            { Get-PaidRow | & $_ -Journal $script:journal -Confirm:$false } | Should -Throw -ErrorId 'JournalInUse*'
            { Get-PaidRow | & $_ -Journal $script:journal -Preflight -Confirm:$false } | Should -Throw -ErrorId 'JournalInUse*'
            Get-StateChangingRequest | Should -BeNullOrEmpty
            Get-XRocketJournal $script:journal -ErrorVariable busy -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $busy[0].FullyQualifiedErrorId | Should -BeLike 'JournalInUse*'
        }
        finally {
            $held.Stop()
            $held.Dispose()
        }

        # The held run's lines are whole: its run line, its intents, its Unknown outcomes; none overwritten.
        $lines = @(Get-Content -LiteralPath $script:journal | ForEach-Object { $_ | ConvertFrom-Json -ErrorAction Stop })
        $lines[0].type | Should -Be 'run'
        @($lines | Where-Object type -EQ 'run').Count | Should -Be 1
    }

    It 'two runs started together on a new journal without -BatchId never pay a row twice' {
        $command = $_
        $jobs = 1..2 | ForEach-Object {
            Start-ThreadJob -ArgumentList $script:StagedManifest, $script:BaseUri, $script:journal, $command -ScriptBlock {
                param($Manifest, $BaseUri, $Journal, $Command)
                Import-Module $Manifest
                Connect-XRocket -BaseUri $BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword)
                try {
                    1..20 | ForEach-Object { [pscustomobject]@{ user_id = 8300 + $_; amount = '0.01'; asset = 'TRX' } } |
                        & $Command -Journal $Journal -Confirm:$false -ErrorAction Stop | ForEach-Object { [string]$_.Outcome }
                }
                catch {
                    $_.FullyQualifiedErrorId
                }
            }
        }
        $results = @($jobs | Wait-Job | Receive-Job)
        $jobs | Remove-Job
        Get-SandboxBalance -Asset TRX | Should -Be 9999.8
        @(Get-XRocketTransfer | Where-Object ClientTransferId).Count | Should -Be 20
        @($results | Where-Object { $_ -eq 'Sent' }).Count | Should -Be 20
        @($results | Where-Object { $_ -notin 'Sent', 'AlreadyDone' -and $_ -notlike 'JournalInUse*' }) | Should -BeNullOrEmpty
        (Get-XRocketJournal $script:journal -Compare).MatchesApi | Should -BeTrue
    }
}

Describe 'The audit after the documented retry flow (<_>)' -ForEach @('New-XRocketTransfer', 'New-XRocketMassTransfer') {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
        $script:journal = Join-Path $TestDrive "retry-$([guid]::NewGuid().ToString('N')).jsonl"
    }

    It 'a row refused at 0.0000001, fixed to 0.5 and re-sent with its id: PaidTotals what was paid, MatchesApi True' {
        $rows = @(
            [pscustomobject]@{ user_id = 8401; amount = '1'; asset = 'TRX' }
            [pscustomobject]@{ user_id = 8402; amount = '1'; asset = 'TRX' }
            [pscustomobject]@{ user_id = 8403; amount = '0.0000001'; asset = 'TRX' })
        $null = $rows | & $_ -Journal $script:journal -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $retry = $refused[0].TargetObject
        $retry.Amount = '0.5'
        $again = $retry | & $_ -Journal $script:journal -Confirm:$false
        $again.Outcome | Should -Be 'Sent'

        $audit = Get-XRocketJournal $script:journal -Compare
        $audit.Paid | Should -Be 3
        $audit.Failed | Should -Be 0
        @($audit.PaidTotals).Count | Should -Be 1
        $audit.PaidTotals[0].Amount | Should -Be 2.5
        $audit.DifferentAmount | Should -Be 0
        $audit.MissingFromApi | Should -Be 0
        $audit.MatchesApi | Should -BeTrue
    }

    It 'MatchesApi is False when the API does not hold the journal''s payments' {
        $null = Get-PaidRow | & $_ -Journal $script:journal -Confirm:$false
        (Get-XRocketJournal $script:journal -Compare).MatchesApi | Should -BeTrue
        Clear-SandboxState
        Connect-TestSandbox
        $audit = Get-XRocketJournal $script:journal -Compare
        $audit.MissingFromApi | Should -Be 3
        $audit.MatchesApi | Should -BeFalse
    }
}
