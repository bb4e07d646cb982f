#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $root 'tools/XRocketSandbox.psm1') -Force
    Import-Module (Join-Path $root 'out/XRocketPay/XRocketPay.psd1') -Force
    $script:sandbox = Start-XRocketSandbox
    $script:baseUri = $script:sandbox.BaseUri
    Connect-XRocket -Environment Sandbox -BaseUri $script:baseUri

    function Get-ApiRequest {
        (Invoke-RestMethod -Uri "$script:baseUri/sandbox/requests").items | Where-Object { $_.path -like '/api/*' }
    }

    function Invoke-SandboxReset {
        Invoke-RestMethod -Method Post -Uri "$script:baseUri/sandbox/reset" | Out-Null
    }
}

AfterAll {
    Disconnect-XRocket
    if ($script:sandbox) {
        Stop-XRocketSandbox -Sandbox $script:sandbox
    }
}

Describe 'The module' {
    It 'exports exactly the cmdlets of the manifest' {
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../XRocketPay.psd1')
        $exported = (Get-Command -Module XRocketPay).Name | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'has help with examples for New-XRocketTransfer' -Skip:(-not (Test-Path (Join-Path $PSScriptRoot '../../out/XRocketPay/en-US/XRocketPay.PowerShell.dll-Help.xml'))) {
        (Get-Help New-XRocketTransfer -Examples).examples.example.Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Connecting and reading' {
    It 'shows balances' {
        $balance = Get-XRocketBalance -Asset TONCOIN
        $balance.Asset | Should -Be 'TONCOIN'
        $balance.Available | Should -BeGreaterThan 0
    }

    It 'never shows the token' {
        (Get-XRocketConnection).TokenHint | Should -Not -Be 'sandbox-token'
    }
}

Describe 'Cheques' {
    It 'creates, gets and removes a cheque' {
        $cheque = New-XRocketCheque -Asset USDT -Amount 5 -Description 'pester' -Confirm:$false
        (Get-XRocketCheque -Id $cheque.ChequeId).Amount | Should -Be 5
        $cheque | Remove-XRocketCheque -Confirm:$false
        (Get-XRocketCheque -Id $cheque.ChequeId).Deleted | Should -BeTrue
    }
}

Describe 'Payouts from a CSV file' {
    BeforeEach {
        Invoke-SandboxReset
        $script:csv = Join-Path $TestDrive 'payouts.csv'
        @(
            'user_id,amount,asset,description'
            '1001,1.5,TONCOIN,first'
            '1002,2.25,USDT,second'
        ) | Set-Content -Path $script:csv
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-XRocketBalance -Asset TONCOIN).Balance
        Invoke-RestMethod -Method Delete -Uri "$script:baseUri/sandbox/requests" | Out-Null
        Import-Csv $script:csv | New-XRocketTransfer -BatchId pester -WhatIf
        @(Get-ApiRequest).Count | Should -Be 0
        (Get-XRocketBalance -Asset TONCOIN).Balance | Should -Be $before
    }

    It 'pays each row once and reports a re-run as AlreadyDone' {
        $first = Import-Csv $script:csv | New-XRocketTransfer -BatchId pester-rerun -Confirm:$false
        $first.Status | Should -Be @('Sent', 'Sent')
        $balance = (Get-XRocketBalance -Asset TONCOIN).Available

        $again = Import-Csv $script:csv | New-XRocketTransfer -BatchId pester-rerun -Confirm:$false
        $again.Status | Should -Be @('AlreadyDone', 'AlreadyDone')
        $again.ClientTransferId | Should -Be $first.ClientTransferId
        (Get-XRocketBalance -Asset TONCOIN).Available | Should -Be $balance
    }

    It 'refuses a decimal comma with InvalidAmount and sends nothing for that row' {
        $rows = @([pscustomobject]@{ user_id = '1003'; amount = '1,5'; asset = 'TONCOIN' })
        $rows | New-XRocketTransfer -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $failed[0].TargetObject.ClientTransferId | Should -Not -BeNullOrEmpty
        (Get-XRocketBalance -Asset TONCOIN).Balance | Should -Be 10000
    }
}
