BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox
}

AfterAll {
    Disconnect-XRocket -ErrorAction SilentlyContinue
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
}
