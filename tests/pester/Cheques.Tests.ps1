BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
}

AfterAll {
    Close-TestSandbox
}

Describe 'Cheques' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'New-XRocketCheque holds the amount; Get-XRocketCheque reads it back by id and client id' {
        $cheque = New-XRocketCheque -Asset USDT -Amount 5 -Description 'pester' -ClientChequeId 'chq-1' -Confirm:$false
        (Get-XRocketBalance -Asset USDT).Holds | Should -Be 5
        $cheque.Amount | Should -Be 5
        (Get-XRocketCheque -Id $cheque.ChequeId).Asset | Should -Be 'USDT'
        (Get-XRocketCheque -ClientChequeId 'chq-1').ChequeId | Should -Be $cheque.ChequeId
        @(Get-XRocketCheque).Count | Should -Be 1
    }

    It 'New-XRocketCheque -WhatIf sends no state-changing request' {
        Clear-SandboxRequest
        New-XRocketCheque -Asset USDT -Amount 5 -WhatIf
        Get-StateChangingRequest | Should -BeNullOrEmpty
        (Get-XRocketBalance -Asset USDT).Holds | Should -Be 0
    }

    It 'Set-XRocketCheque changes the description on the server' {
        $cheque = New-XRocketCheque -Asset TONCOIN -Amount 1 -Confirm:$false
        $cheque | Set-XRocketCheque -Description 'changed' -Confirm:$false | Out-Null
        (Get-XRocketCheque -Id $cheque.ChequeId).Description | Should -Be 'changed'
    }

    It 'Remove-XRocketCheque from the pipeline releases the hold' {
        $cheque = New-XRocketCheque -Asset USDT -Amount 5 -Confirm:$false
        $cheque | Remove-XRocketCheque -Confirm:$false
        (Get-XRocketCheque -Id $cheque.ChequeId).Deleted | Should -BeTrue
        (Get-XRocketBalance -Asset USDT).Available | Should -Be 10000
        @(Get-StateChangingRequest | Where-Object method -EQ 'DELETE').Count | Should -Be 1
    }

    It 'refuses an amount with a thousands separator before sending' {
        Clear-SandboxRequest
        New-XRocketCheque -Asset USDT -Amount '1 000' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'an unquoted <Typed> typed in a script holds exactly that amount' -ForEach @(
        @{ Typed = '0.000001'; Make = { New-XRocketCheque -Asset BTC -Amount 0.000001 -Confirm:$false }; Expected = [decimal]'0.000001' }
        @{ Typed = '5'; Make = { New-XRocketCheque -Asset BTC -Amount 5 -Confirm:$false }; Expected = [decimal]'5' }
        @{ Typed = '2.5d'; Make = { New-XRocketCheque -Asset BTC -Amount 2.5d -Confirm:$false }; Expected = [decimal]'2.5' }
        @{ Typed = '123.123456789'; Make = { New-XRocketCheque -Asset BTC -Amount 123.123456789 -Confirm:$false }; Expected = [decimal]'123.123456789' }
    ) {
        $cheque = & $Make
        $cheque.Amount | Should -BeExactly $Expected
        (Get-XRocketBalance -Asset BTC).Holds | Should -Be $Expected
    }

    It 'refuses an unquoted 12345678901234567.89 (a double cannot hold it) and asks to quote it' {
        Clear-SandboxRequest
        New-XRocketCheque -Asset BTC -Amount 12345678901234567.89 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $failed[0].Exception.Message | Should -BeLike '*quote*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}
