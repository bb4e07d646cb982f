BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
}

AfterAll {
    Close-TestSandbox
}

Describe 'Reading the account' {
    BeforeAll {
        Clear-SandboxState
    }

    It 'Get-XRocketApp shows the app the token belongs to' {
        $app = Get-XRocketApp
        $app.Name | Should -Be 'XRocketPay Sandbox'
        (Get-SandboxRequest)[-1].path | Should -Be '/api/v1/app-info'
    }

    It 'Get-XRocketBalance gives one row per asset, equal to the ledger' {
        $null = New-XRocketCheque -Asset USDT -Amount 4.5 -Confirm:$false
        $usdt = Get-XRocketBalance -Asset usdt
        $usdt.Asset | Should -Be 'USDT'
        $usdt.Balance | Should -Be (Get-SandboxBalance -Asset USDT)
        $usdt.Holds | Should -Be 4.5
        $usdt.Available | Should -Be 9995.5
        @(Get-XRocketBalance).Count | Should -Be $script:SandboxAdmin.Ledger().Count
    }

    It 'Get-XRocketCurrency lists the currencies the API knows' {
        $crypto = Get-XRocketCurrency -Kind crypto
        $crypto.Code | Should -Contain 'TONCOIN'
        (Get-XRocketCurrency -Code SOL).Code | Should -Be 'SOL'
        (Get-SandboxRequest)[-1].path | Should -BeLike '/api/v1/currencies*'
    }

    It 'Get-XRocketRate gives the sandbox rate for an asset' {
        (Get-XRocketRate -Asset BTC).Value | Should -Be 65000
    }

    It 'piped values are each answered: <Line>' -ForEach @(
        @{ Line = "'USDT','BTC' | Get-XRocketBalance"; Property = 'Asset'; Expected = @('USDT', 'BTC') }
        @{ Line = "'SOL','TRX' | Get-XRocketCurrency"; Property = 'Code'; Expected = @('SOL', 'TRX') }
        @{ Line = "'BTC','ETH' | Get-XRocketRate"; Property = 'Asset'; Expected = @('BTC', 'ETH') }
    ) {
        $results = @(& ([scriptblock]::Create($Line)))
        $results.$Property | Should -Be $Expected
    }

    It 'every cmdlet that takes pipeline input answers each piped record' {
        $cheques = 1..2 | ForEach-Object { New-XRocketCheque -Asset USDT -Amount 1 -Confirm:$false }
        @($cheques | Get-XRocketCheque).ChequeId | Should -Be $cheques.ChequeId
        $invoices = 1..2 | ForEach-Object { New-XRocketInvoice -Currency USDT -Amount 1 }
        @($invoices | Get-XRocketInvoice).InvoiceId | Should -Be $invoices.InvoiceId
        $transfers = 1..2 | ForEach-Object { New-XRocketTransfer -TelegramUserId 87209764 -Asset TRX -Amount 1 -Confirm:$false }
        @($transfers | Get-XRocketTransfer).TransferId | Should -Be $transfers.TransferId
        $pairs = [pscustomobject]@{ Network = 'TON'; Asset = 'TONCOIN' }, [pscustomobject]@{ Network = 'TON'; Asset = 'USDT' }
        @($pairs | Get-XRocketWithdrawalQuota).Asset | Should -Be @('TONCOIN', 'USDT')
        $bodies = '{"id":"a","type":"x","data":{}}', '{"id":"b","type":"x","data":{}}'
        @($bodies | ConvertFrom-XRocketWebhook).Id | Should -Be @('a', 'b')
    }

    It 'Get-XRocketWithdrawalQuota gives the fee of a network and asset' {
        (Get-XRocketWithdrawalQuota -Network TON -Asset TONCOIN).WithdrawFee | Should -Be 0.05
    }
}

Describe 'Tab completion' {
    BeforeAll {
        function Get-Offered([string] $Line) {
            @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
        }
    }

    Context 'connected: <_>' -ForEach @('connected', 'not connected') {
        BeforeAll {
            if ($_ -eq 'connected') { Connect-TestSandbox } else { Disconnect-XRocket }
        }

        AfterAll {
            Connect-TestSandbox
        }

        It 'completes <Line> with <Expected>' -ForEach @(
            @{ Line = 'New-XRocketTransfer -Asset TO'; Expected = 'TONCOIN' }
            @{ Line = 'New-XRocketInvoice -Currency US'; Expected = 'USDT' }
            @{ Line = 'New-XRocketInvoice -Currency USDT -FiatAmount 5 -Fiat '; Expected = 'EUR', 'USD' }
            @{ Line = 'Get-XRocketWithdrawalQuota -Network B'; Expected = 'BSC', 'BTC' }
            @{ Line = 'Invoke-XRocketWithdrawal -Network TON -Asset '; Expected = 'NOT', 'TONCOIN', 'USDT' }
            @{ Line = 'Get-XRocketWithdrawalQuota -Asset USDT -Network '; Expected = 'BSC', 'ETH', 'TON', 'TRX' }
            @{ Line = 'Get-XRocketInvoice -Status '; Expected = 'active', 'cancelled', 'expired', 'paid', 'partially_paid' }
            @{ Line = 'Get-XRocketWithdrawal -Status '; Expected = 'COMPLETED', 'CREATED', 'FAIL' }
            @{ Line = 'Get-XRocketCheque -Status '; Expected = 'active', 'completed', 'draft', 'error' }
            @{ Line = 'Get-XRocketRate -Base '; Expected = 'EUR', 'USD' }
            @{ Line = 'Get-XRocketCurrency -Kind fiat -Code '; Expected = 'EUR', 'USD' }
            @{ Line = 'Get-XRocketCurrency -Kind '; Expected = 'crypto', 'fiat' }
            @{ Line = 'Connect-XRocket -Environment '; Expected = 'Production', 'Exchange', 'Testnet', 'Sandbox' }
        ) {
            Get-Offered $Line | Sort-Object | Should -Be ($Expected | Sort-Object)
        }

        It 'offers no fiat code where only crypto is valid: <_>' -ForEach @(
            'New-XRocketCheque -Asset ', 'New-XRocketTransfer -Asset ', 'Invoke-XRocketWithdrawal -Asset ', 'Get-XRocketBalance -Asset ', 'New-XRocketInvoice -PayCurrency '
        ) {
            $offered = Get-Offered $_
            $offered | Should -Contain 'USDT'
            $offered | Should -Not -Contain 'USD'
            $offered | Should -Not -Contain 'EUR'
        }
    }
}

Describe 'Typos are not silent (issue 10 item 4)' {
    BeforeAll {
        Clear-SandboxState
    }

    It '<Command> writes one UnknownAsset error naming the known assets' -ForEach @(
        @{ Command = 'Get-XRocketBalance -Asset TONCION'; Run = { Get-XRocketBalance -Asset TONCION -ErrorVariable e -ErrorAction SilentlyContinue; $e } }
        @{ Command = 'Get-XRocketCurrency -Code XYZ'; Run = { Get-XRocketCurrency -Code XYZ -ErrorVariable e -ErrorAction SilentlyContinue; $e } }
        @{ Command = 'Get-XRocketRate -Asset XYZ'; Run = { Get-XRocketRate -Asset XYZ -ErrorVariable e -ErrorAction SilentlyContinue; $e } }
    ) {
        $errors = @(& $Run | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'UnknownAsset,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].Exception.Message | Should -BeLike '*TONCOIN*'
    }

    It '<Command> warns with the value and a known one, and still sends one request' -ForEach @(
        @{ Command = 'Get-XRocketInvoice -Status actve'; Value = 'actve'; Known = 'active'; Run = { Get-XRocketInvoice -Status actve -WarningVariable w -WarningAction SilentlyContinue; $w } }
        @{ Command = 'Get-XRocketCheque -Status activ'; Value = 'activ'; Known = 'active'; Run = { Get-XRocketCheque -Status activ -WarningVariable w -WarningAction SilentlyContinue -ErrorAction SilentlyContinue; $w } }
        @{ Command = 'Get-XRocketWithdrawal -Status done'; Value = 'DONE'; Known = 'COMPLETED'; Run = { Get-XRocketWithdrawal -Status done -WarningVariable w -WarningAction SilentlyContinue; $w } }
    ) {
        Clear-SandboxRequest
        $warnings = @(& $Run | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -BeLikeExactly "*$Value*"
        $warnings[0].Message | Should -BeLikeExactly "*$Known*"
        @(Get-SandboxRequest).Count | Should -Be 1
    }
}
