BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
}

AfterAll {
    Close-TestSandbox
}

Describe 'New-XRocketMassTransfer' {
    BeforeEach {
        Clear-SandboxState
        $script:rows = 1..7 | ForEach-Object { [pscustomobject]@{ user_id = 5000 + $_; amount = '0.5'; asset = 'TRX' } }
    }

    It 'pays every row once in chunks, and a re-run with the same -BatchId pays nothing' {
        $first = $script:rows | New-XRocketMassTransfer -BatchId mass-1 -ChunkSize 3 -Confirm:$false
        @($first | Where-Object Outcome -EQ 'Sent').Count | Should -Be 7
        @(Get-StateChangingRequest | Where-Object path -Like '*mass*').Count | Should -Be 3
        Get-SandboxBalance -Asset TRX | Should -Be 9996.5

        $again = $script:rows | New-XRocketMassTransfer -BatchId mass-1 -ChunkSize 3 -Confirm:$false
        @($again | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 7
        Get-SandboxBalance -Asset TRX | Should -Be 9996.5
    }

    It 'reports a row the API refuses and pays the rest' {
        $rows = @($script:rows[0], [pscustomobject]@{ user_id = 404404404; amount = '1'; asset = 'TRX' })
        $result = $rows | New-XRocketMassTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        @($result | Where-Object Outcome -EQ 'Sent').Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.ClientTransferId | Should -Not -BeNullOrEmpty
        Get-SandboxBalance -Asset TRX | Should -Be 9999.5
    }

    It 'sends no state-changing request with -WhatIf' {
        Clear-SandboxRequest
        $script:rows | New-XRocketMassTransfer -BatchId mass-2 -WhatIf
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}

# Issue 24: requests are what a run costs. Counted from the sandbox's request log, so exact, in both dialects.
Describe 'Requests of a payout run' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'sends chunks of at most the API''s 500 rows by default, and refuses a -ChunkSize above it' {
        $rows = 1..1001 | ForEach-Object { [pscustomobject]@{ user_id = 20000 + $_; amount = '0.001'; asset = 'TRX' } }
        $first = $rows | New-XRocketMassTransfer -BatchId big-1 -Confirm:$false
        @($first | Where-Object Outcome -EQ 'Sent').Count | Should -Be 1001
        @(Get-StateChangingRequest | Where-Object path -EQ $script:Family.Mass).Count | Should -Be 3
        { $rows[0] | New-XRocketMassTransfer -ChunkSize 501 -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 're-runs a mass file without a journal in a few requests: taken rows are verified against the transfer list' {
        $rows = 1..1001 | ForEach-Object { [pscustomobject]@{ user_id = 20000 + $_; amount = '0.001'; asset = 'TRX' } }
        $null = $rows | New-XRocketMassTransfer -BatchId big-2 -Confirm:$false
        Clear-SandboxRequest
        $again = $rows | New-XRocketMassTransfer -BatchId big-2 -Confirm:$false
        @($again | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 1001
        $log = @(Get-SandboxRequest)
        @($log | Where-Object path -EQ $script:Family.Mass).Count | Should -Be 3
        # One read of the newest transfer before the first attempt (Sent counts only this run's payments), two list pages.
        @($log | Where-Object path -EQ $script:Family.Many).Count | Should -Be 3
        @($log | Where-Object path -EQ $script:Family.One).Count | Should -Be 0
        $log.Count | Should -BeLessOrEqual 9
        Get-SandboxBalance -Asset TRX | Should -Be (10000 - 1.001)
    }

    It 're-runs a one-by-one file with one request a row and the taken rows verified in a group; a changed amount is a conflict' {
        $rows = 1..40 | ForEach-Object { [pscustomobject]@{ user_id = 30000 + $_; amount = '0.01'; asset = 'TRX'; ClientTransferId = "one-$_" } }
        $null = $rows | New-XRocketTransfer -Confirm:$false
        Clear-SandboxRequest
        $rows[9].amount = '0.02'
        $again = $rows | New-XRocketTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        @($again | Where-Object Outcome -EQ 'AlreadyDone').Count | Should -Be 39
        $log = @(Get-SandboxRequest)
        @($log | Where-Object path -EQ $script:Family.Many | Where-Object method -EQ 'POST').Count | Should -Be 40
        @($log | Where-Object path -EQ $script:Family.Many | Where-Object method -EQ 'GET').Count | Should -Be 2
        $log.Count | Should -BeLessOrEqual 44
        $failed.Count | Should -Be 1
        $failed[0].TargetObject.ClientTransferId | Should -Be 'one-10'
        $failed[0].Exception.Message | Should -Match '0\.01 TRX.*0\.02 TRX'
        $failed[0].Exception.Message | Should -Match 'transfer \S+'
        Get-SandboxBalance -Asset TRX | Should -Be 9999.6
    }
}
