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
