# Issue 28: a row's identity survives every edit of the file (items 1, 2, 6, 7), both payout cmdlets, with and
# without a journal, in real pwsh against the sandbox.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox

    # Runs the file through one payout cmdlet, with or without a journal; the error records in $script:Errors.
    function Invoke-Payout {
        param([string] $Command, [string] $Csv, [string] $Batch, [string] $Journal, [hashtable] $Extra = @{})
        $with = if ($Journal) { @{ Journal = $Journal } } else { @{} }
        $out = Import-Csv -LiteralPath $Csv | & $Command -BatchId $Batch -Confirm:$false @with @Extra -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $script:Errors = @($failed)
        @($out)
    }

    function Get-Paid {
        @(Get-XRocketTransfer | ForEach-Object { '{0} {1} {2}' -f $_.Target, $_.Amount, $_.Asset } | Sort-Object)
    }
}

BeforeDiscovery {
    $script:Cases = foreach ($command in 'New-XRocketTransfer', 'New-XRocketMassTransfer') {
        foreach ($journal in $false, $true) { @{ Command = $command; UseJournal = $journal } }
    }
}

AfterAll {
    Close-TestSandbox
}

Describe 'Correcting a recipient pays the corrected row once and no other row again (item 1)' {
    It '<Command>, journal <UseJournal>: the bonus is paid once, the salary is not paid again' -ForEach $script:Cases {
        Clear-SandboxState
        $csv = Join-Path $TestDrive "a-$Command-$UseJournal.csv"
        $journal = if ($UseJournal) { Join-Path $TestDrive "rA-$Command.jsonl" } else { $null }
        "user_id,amount,asset,description`n404404404,5,USDT,bonus`n777001,7,TONCOIN,salary" | Set-Content -LiteralPath $csv

        $first = Invoke-Payout -Command $Command -Csv $csv -Batch rA -Journal $journal
        @($first | Where-Object Outcome -EQ Sent).TelegramUserId | Should -Be '777001'
        $script:Errors.Count | Should -BeGreaterThan 0

        (Get-Content -LiteralPath $csv) -replace '^404404404', '777001' | Set-Content -LiteralPath $csv
        $again = Invoke-Payout -Command $Command -Csv $csv -Batch rA -Journal $journal
        $script:Errors | Should -BeNullOrEmpty
        ($again | Where-Object Description -EQ bonus).Outcome | Should -Be 'Sent'
        ($again | Where-Object Description -EQ salary).Outcome | Should -Be 'AlreadyDone'
        Get-Paid | Should -Be @('777001 5 USDT', '777001 7 TONCOIN')

        # And once more: nothing new.
        @((Invoke-Payout -Command $Command -Csv $csv -Batch rA -Journal $journal).Outcome) | Should -Be @('AlreadyDone', 'AlreadyDone')
        Get-Paid | Should -Be @('777001 5 USDT', '777001 7 TONCOIN')
    }
}

Describe 'A paid row corrected afterwards is a conflict naming both versions, never a second payment nor a skip (items 1, 2)' {
    It '<Command>, journal <UseJournal>: amount, asset and recipient edits of a paid row' -ForEach $script:Cases {
        Clear-SandboxState
        $csv = Join-Path $TestDrive "b-$Command-$UseJournal.csv"
        $journal = if ($UseJournal) { Join-Path $TestDrive "rB-$Command.jsonl" } else { $null }
        "user_id,amount,asset,description`n777001,5,USDT,bonus`n777002,7,TONCOIN,salary" | Set-Content -LiteralPath $csv
        @((Invoke-Payout -Command $Command -Csv $csv -Batch rB -Journal $journal).Outcome) | Should -Be @('Sent', 'Sent')

        foreach ($edit in @(@('(?m)^777001,5,', '777001,6,'), @(',5,USDT,', ',5,TONCOIN,'), @('(?m)^777001,', '777003,'))) {
            "user_id,amount,asset,description`n777001,5,USDT,bonus`n777002,7,TONCOIN,salary" -replace $edit[0], $edit[1] | Set-Content -LiteralPath $csv
            $out = Invoke-Payout -Command $Command -Csv $csv -Batch rB -Journal $journal -Extra $(if ($Command -eq 'New-XRocketMassTransfer') { @{ SkipPreflight = $true } } else { @{} })
            @($out | Where-Object Outcome -EQ Sent) | Should -BeNullOrEmpty
            ($out | Where-Object Description -EQ salary).Outcome | Should -Be 'AlreadyDone'
            $conflict = @($script:Errors | Where-Object { $_.FullyQualifiedErrorId -like 'ClientIdConflict*' })
            $conflict.Count | Should -Be 1 -Because "edit $($edit -join ' -> ') gave $($script:Errors | Out-String)"
            $conflict[0].Exception.Message | Should -Match '5 USDT to 777001'
            $conflict[0].Exception.Message | Should -Match 'now asks'
            $conflict[0].TargetObject.description | Should -Be 'bonus'
            Get-Paid | Should -Be @('777001 5 USDT', '777002 7 TONCOIN')
        }
    }

    It 'the -Preflight -WhatIf plan shows Conflict for the changed row and Skip for the same one (journal)' {
        Clear-SandboxState
        $csv = Join-Path $TestDrive 'plan.csv'
        $journal = Join-Path $TestDrive 'plan.jsonl'
        "user_id,amount,asset,description`n777001,5,USDT,bonus`n777002,7,TONCOIN,salary" | Set-Content -LiteralPath $csv
        $null = Invoke-Payout -Command New-XRocketTransfer -Csv $csv -Batch plan -Journal $journal
        (Get-Content -LiteralPath $csv) -replace '^777001,5,', '777001,6,' | Set-Content -LiteralPath $csv
        $plan = @(Import-Csv -LiteralPath $csv | New-XRocketTransfer -Journal $journal -Preflight -WhatIf -ErrorAction SilentlyContinue | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] })
        @($plan.Action) | Should -Be @('Conflict', 'Skip')
        Get-Paid | Should -Be @('777001 5 USDT', '777002 7 TONCOIN')
    }
}

Describe 'Duplicate rows are named, with their row numbers (item 7)' {
    BeforeAll {
        $script:Dup = Join-Path $TestDrive 'dup.csv'
        "user_id,amount,asset,description`n777001,7,TONCOIN,salary`n777002,1,USDT,bonus`n777001,7.0,toncoin,salary" | Set-Content -LiteralPath $script:Dup
    }

    It '<_>: -Preflight -WhatIf lists each duplicate on the summary and the plan, and warns' -ForEach 'New-XRocketTransfer', 'New-XRocketMassTransfer' {
        Clear-SandboxState
        $out = Import-Csv -LiteralPath $script:Dup | & $_ -BatchId dup -Preflight -WhatIf -WarningVariable warned -WarningAction SilentlyContinue
        $summary = $out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        $summary.DuplicateRows | Should -Be 1
        @($summary.Duplicates) | Should -Be @('Row 3 = row 1')
        $plan = @($out | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] })
        @($plan.Row) | Should -Be @(1, 2, 3)
        $plan[2].DuplicateOf | Should -Be 1
        $plan[0].DuplicateOf | Should -BeNullOrEmpty
        @($warned).Message | Should -Match 'Row 3 is identical to row 1 \(7 TONCOIN to 777001'
        ($summary | Format-List | Out-String) | Should -Match 'Row 3 = row 1'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It '<_>: a real run warns before paying, and pays both copies (they are two payouts)' -ForEach 'New-XRocketTransfer', 'New-XRocketMassTransfer' {
        Clear-SandboxState
        $stream = @(Import-Csv -LiteralPath $script:Dup | & $_ -BatchId dup -Confirm:$false 3>&1)
        $warning = [array]::FindIndex($stream, [Predicate[object]] { param($o) $o -is [System.Management.Automation.WarningRecord] -and $o.Message -match 'Row 3 is identical to row 1' })
        $warning | Should -BeGreaterOrEqual 0
        $third = [array]::FindIndex($stream, [Predicate[object]] { param($o) $o -is [XRocketPay.PowerShell.XRocketTransferResult] -and $o.Outcome -eq 'Sent' -and $o.TelegramUserId -eq '777001' -and $o.ClientTransferId -ne $stream.Where({ $_ -is [XRocketPay.PowerShell.XRocketTransferResult] })[0].ClientTransferId })
        $warning | Should -BeLessThan $third
        Get-Paid | Should -Be @('777001 7 TONCOIN', '777001 7 TONCOIN', '777002 1 USDT')
    }

    It 'a -WhatIf without -Preflight shows them too' {
        $null = Import-Csv -LiteralPath $script:Dup | New-XRocketTransfer -BatchId dup -WhatIf -WarningVariable warned -WarningAction SilentlyContinue
        @($warned).Message | Should -Match 'Row 3 is identical to row 1'
    }
}

Describe 'Outcomes that point the right way (item 6)' {
    BeforeDiscovery {
        $script:Refusals = foreach ($command in 'New-XRocketTransfer', 'New-XRocketMassTransfer') {
            @{ Command = $command; User = '777001'; Amount = '0.0000001'; ErrorId = 'AmountLessThanMinimum' }
            @{ Command = $command; User = '404404404'; Amount = '1'; ErrorId = 'TargetUserNotFound' }
        }
    }

    It '<Command>: a re-sent create refused (<ErrorId>) after a lost answer is Failed, not Unknown' -ForEach $script:Refusals {
        Clear-SandboxState
        $path = if ($Command -eq 'New-XRocketMassTransfer') { $script:Family.Mass } else { $script:Family.Many }
        Add-SandboxFault @{ method = 'POST'; path = $path; mode = 'status'; status = 503; count = 1 }
        $out = [pscustomobject]@{ user_id = $User; amount = $Amount; asset = 'USDT' } |
            & $Command -BatchId "refused-$ErrorId" -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue
        @(Get-SandboxRequest | Where-Object { $_.method -eq 'POST' -and $_.path -eq $path }).Count | Should -BeGreaterThan 1 -Because 'the lost answer was settled by sending again'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failed[0].Exception.Outcome | Should -Be 'Failed'
        $failed[0].Exception.Message | Should -Not -Match 'may have been paid'
        @($out | Where-Object Outcome -EQ Unknown) | Should -BeNullOrEmpty
        ($warned | ForEach-Object Message) -join ' ' | Should -Not -Match 'Unknown'
        Get-Paid | Should -BeNullOrEmpty
    }
}

Describe 'Sent counts only payments made by this run (item 6)' {
    BeforeDiscovery {
        $script:Faults = foreach ($command in 'New-XRocketTransfer', 'New-XRocketMassTransfer') {
            foreach ($mode in 'status', 'after-commit') { @{ Command = $command; Mode = $mode } }
        }
    }

    It '<Command>: a re-run whose create meets a lost answer (<Mode>) reports the earlier run''s rows AlreadyDone and only its own Sent' -ForEach $script:Faults {
        Clear-SandboxState
        $csv = Join-Path $TestDrive "sent-$Command-$Mode.csv"
        "user_id,amount,asset,description`n777001,5,USDT,earlier" | Set-Content -LiteralPath $csv
        @((Invoke-Payout -Command $Command -Csv $csv -Batch "rerun-$Mode").Outcome) | Should -Be @('Sent')

        Add-Content -LiteralPath $csv -Value '777002,6,USDT,new'
        $path = if ($Command -eq 'New-XRocketMassTransfer') { $script:Family.Mass } else { $script:Family.Many }
        $fault = if ($Mode -eq 'status') { @{ status = 503 } } else { @{ status = 500 } }
        Add-SandboxFault (@{ method = 'POST'; path = $path; mode = $Mode; count = 2 } + $fault)
        $again = Invoke-Payout -Command $Command -Csv $csv -Batch "rerun-$Mode"
        $script:Errors | Should -BeNullOrEmpty
        ($again | Where-Object Description -EQ earlier).Outcome | Should -Be 'AlreadyDone'
        ($again | Where-Object Description -EQ new).Outcome | Should -Be 'Sent'
        Get-Paid | Should -Be @('777001 5 USDT', '777002 6 USDT')
    }
}

Describe '-Preflight shows rows paid under another batch id, as information (item 4)' {
    It '<_>: counted among the most recent transfers read, never a problem' -ForEach 'New-XRocketTransfer', 'New-XRocketMassTransfer' {
        Clear-SandboxState
        $csv = Join-Path $TestDrive "other-$_.csv"
        "user_id,amount,asset,description`n777001,5,USDT,salary`n777002,6,USDT,salary" | Set-Content -LiteralPath $csv
        $null = Invoke-Payout -Command $_ -Csv $csv -Batch 'payroll-2026-11'
        Add-Content -LiteralPath $csv -Value '777003,7,USDT,salary'

        $plan = Invoke-Payout -Command $_ -Csv $csv -Batch 'payroll-2026-12' -Extra @{ Preflight = $true; WhatIf = $true }
        $summary = $plan | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        $summary.Passed | Should -BeTrue
        $summary.PaidUnderAnotherBatch | Should -Be 2
        $summary.TransfersRead | Should -Be 2
        ($summary | Format-List | Out-String) | Should -Match 'PaidUnderAnotherBatch\s*:\s*2 row\(s\), among the 2 most recent transfers read'

        # The same batch again: its own payments are not another batch's.
        $same = Invoke-Payout -Command $_ -Csv $csv -Batch 'payroll-2026-11' -Extra @{ Preflight = $true; WhatIf = $true }
        ($same | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }).PaidUnderAnotherBatch | Should -Be 0
        Get-Paid | Should -Be @('777001 5 USDT', '777002 6 USDT')
    }
}
