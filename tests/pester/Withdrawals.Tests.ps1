BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
}

AfterAll {
    Close-TestSandbox
}

Describe 'Withdrawals' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'Invoke-XRocketWithdrawal debits amount and fee; Wait-XRocketWithdrawal waits for COMPLETED; Get-XRocketWithdrawal reads it' {
        $done = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 3 -ClientWithdrawalId 'wd-1' -Confirm:$false |
            Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 30
        $done.Status | Should -Be 'COMPLETED'
        Get-SandboxBalance -Asset TONCOIN | Should -Be 9996.95
        (Get-XRocketWithdrawal -ClientWithdrawalId 'wd-1').WithdrawalId | Should -Be $done.WithdrawalId
        @(Get-XRocketWithdrawal -Status completed).Count | Should -Be 1
    }

    It 'a re-run with the same client id withdraws nothing more' {
        $null = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 3 -ClientWithdrawalId 'wd-2' -Confirm:$false
        $null = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 3 -ClientWithdrawalId 'wd-2' -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        $warned.Count | Should -Be 1
        Get-SandboxBalance -Asset TONCOIN | Should -Be 9996.95
    }

    It '-WhatIf sends no state-changing request' {
        Clear-SandboxRequest
        Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 3 -WhatIf
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'New-XRocketWithdrawalLink gives a Telegram link and moves no money' {
        $link = New-XRocketWithdrawalLink -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -Confirm:$false
        $link.TelegramBotLink | Should -BeLike 'https://t.me/*'
        Get-SandboxBalance -Asset TONCOIN | Should -Be 10000
    }

    It 'Wait-XRocketWithdrawal returns a withdrawal that ends FAIL and writes one WithdrawalFailed error about it' {
        $failing = '0:fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11fa11'
        Set-SandboxConfig @{ failingAddresses = @($failing) }
        $created = Invoke-XRocketWithdrawal -Network TON -Address $failing -Asset TONCOIN -Amount 3 -Confirm:$false
        $result = $created | Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 30 -ErrorVariable failed -ErrorAction SilentlyContinue
        $result.WithdrawalId | Should -Be $created.WithdrawalId
        $result.Status | Should -Be 'FAIL'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WithdrawalFailed,*'
        $failed[0].TargetObject.WithdrawalId | Should -Be $created.WithdrawalId
    }

    It 'Wait-XRocketWithdrawal polls piped withdrawals together, not one after another' {
        Set-SandboxConfig @{ withdrawalCompletionDelayMs = 2500 }
        $created = 1..3 | ForEach-Object {
            Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -Confirm:$false
        }
        Clear-SandboxRequest
        $done = @($created | Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 30)
        $done.Status | Should -Be @('COMPLETED', 'COMPLETED', 'COMPLETED')
        $polls = @(Get-SandboxRequest | Where-Object method -EQ 'GET' | Select-Object -First 3)
        $named = foreach ($poll in $polls) {
            $created.WithdrawalId | Where-Object { "$($poll.path)?$($poll.query)" -like "*$_*" }
        }
        @($named | Sort-Object -Unique).Count | Should -Be 3
    }
}
