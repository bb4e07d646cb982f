BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox
}

AfterAll {
    Disconnect-XRocket -ErrorAction SilentlyContinue
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
}
