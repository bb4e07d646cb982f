BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox -Token $script:CanaryToken
    Clear-SandboxState

    # One object of every output type, made against the sandbox.
    $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2.5 -Description 'formatting' -CallbackUrl $script:SandboxAdmin.WebhookSink
    $paid = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
    $transfer = New-XRocketTransfer -TelegramUserId 87209764 -Amount '1.123456789' -Asset BTC -Confirm:$false
    $withdrawal = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 3 -Confirm:$false
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    do { $delivery = $script:SandboxAdmin.ReceivedWebhooks() | Select-Object -First 1 } until ($delivery -or [DateTime]::UtcNow -gt $deadline)
    $headers = @{}
    $delivery.headers.PSObject.Properties | ForEach-Object { $headers[$_.Name] = $_.Value }
    $secret = [System.Net.NetworkCredential]::new('', 'sandbox-webhook-secret').SecurePassword
    $plan = New-XRocketTransfer -TelegramUserId 87209764 -Amount 1 -Asset TONCOIN -BatchId formatting -Preflight -WhatIf
    $journal = Join-Path $TestDrive 'formatting.jsonl'
    $null = New-XRocketTransfer -TelegramUserId 87209764 -Amount 1 -Asset TONCOIN -Journal $journal -Confirm:$false

    $script:samples = @{
        App                   = Get-XRocketApp
        AssetBalance          = Get-XRocketBalance -Asset TONCOIN
        Cheque                = New-XRocketCheque -Asset USDT -Amount 5.5 -Confirm:$false
        Currency              = Get-XRocketCurrency -Code USDT
        Invoice               = $paid
        InvoicePayment        = $invoice | Get-XRocketInvoicePayment
        InvoicePaymentAddress = New-XRocketInvoicePaymentAddress -InvoiceId (New-XRocketInvoice -Currency TONCOIN -Amount 1).Id -Network TON
        Links                 = New-XRocketWithdrawalLink -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -Confirm:$false
        Rate                  = Get-XRocketRate -Asset BTC
        Transfer              = Get-XRocketTransfer -Id $transfer.TransferId
        Withdrawal            = $withdrawal
        WithdrawalQuotas      = Get-XRocketWithdrawalQuota -Network TON -Asset TONCOIN
        XRocketWebhookEvent   = ConvertFrom-XRocketWebhook -Body $delivery.body -Headers $headers -Secret $secret
        XRocketConnection     = Get-XRocketConnection
        XRocketTransferResult = $transfer
        XRocketPayoutPlanRow  = $plan | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] }
        XRocketPayoutPreflight = $plan | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        XRocketJournalSummary = Get-XRocketJournal $journal -Compare
    }
    $script:typeNames = @($script:samples.Keys)
}

AfterAll {
    Close-TestSandbox
}

Describe 'Every output type' {
    It 'has a sample of each type the module declares' {
        $declared = Get-Command -Module XRocketPay | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Name } | Where-Object { $_ -and $_ -ne 'System.Boolean' } | ForEach-Object { ($_ -split '\.')[-1] } | Sort-Object -Unique
        $declared | Should -Be ($script:typeNames | Sort-Object)
    }

    It '<_> renders with Format-Table and Format-List at width 200, and shows no token' -ForEach @(
        'App', 'AssetBalance', 'Cheque', 'Currency', 'Invoice', 'InvoicePayment', 'InvoicePaymentAddress', 'Links',
        'Rate', 'Transfer', 'Withdrawal', 'WithdrawalQuotas', 'XRocketWebhookEvent', 'XRocketConnection', 'XRocketTransferResult',
        'XRocketPayoutPlanRow', 'XRocketPayoutPreflight', 'XRocketJournalSummary'
    ) {
        $sample = $script:samples[$_]
        $sample | Should -Not -BeNullOrEmpty
        $sample.GetType().Name | Should -Be $_
        $table = $sample | Format-Table | Out-String -Width 200
        $list = $sample | Format-List | Out-String -Width 200
        $all = $sample | Format-List * | Out-String -Width 200
        $table.Trim() | Should -Not -BeNullOrEmpty
        $list.Trim() | Should -Not -BeNullOrEmpty
        ($table + $list + $all) | Should -Not -BeLike "*$script:CanaryToken*"
    }

    It '<_> survives ConvertTo-Json -Depth 10 and Export-Clixml without the token' -ForEach @(
        'App', 'AssetBalance', 'Cheque', 'Currency', 'Invoice', 'InvoicePayment', 'InvoicePaymentAddress', 'Links',
        'Rate', 'Transfer', 'Withdrawal', 'WithdrawalQuotas', 'XRocketWebhookEvent', 'XRocketConnection', 'XRocketTransferResult',
        'XRocketPayoutPlanRow', 'XRocketPayoutPreflight', 'XRocketJournalSummary'
    ) {
        $path = Join-Path $TestDrive "$_.xml"
        $json = $script:samples[$_] | ConvertTo-Json -Depth 10 -WarningAction SilentlyContinue
        $script:samples[$_] | Export-Clixml -Path $path -Depth 10
        $json | Should -Not -BeLike "*$script:CanaryToken*"
        Get-Content -LiteralPath $path -Raw | Should -Not -BeLike "*$script:CanaryToken*"
    }
}

Describe 'Amounts keep every digit' {
    It 'nine decimals survive the table, JSON and CliXml' {
        $result = $script:samples.XRocketTransferResult
        $result | Format-Table | Out-String -Width 200 | Should -BeLike '*1.123456789*'
        ($result | ConvertTo-Json -Depth 10 | ConvertFrom-Json).Amount | Should -Be 1.123456789
        $path = Join-Path $TestDrive 'amount.xml'
        $result | Export-Clixml -Path $path
        (Import-Clixml -Path $path).Amount | Should -BeExactly ([decimal]'1.123456789')
    }

    It 'a balance table shows the exact ledger amount' {
        $balance = Get-XRocketBalance -Asset USDT
        $balance | Format-Table | Out-String -Width 200 | Should -BeLike "*$((Get-SandboxBalance -Asset USDT).ToString([cultureinfo]::InvariantCulture))*"
    }
}

Describe 'What a new user sees at 80 columns (issue 30)' {
    BeforeAll {
        Clear-SandboxState
        $script:journal80 = Join-Path $TestDrive 'eighty.jsonl'
        $script:sent80 = [pscustomobject]@{ TelegramUserId = 87209764; Asset = 'BTC'; Amount = '0.000001' } |
            New-XRocketTransfer -BatchId 'nov-monthly-payouts' -Journal $script:journal80 -Confirm:$false
        $script:id80 = $script:sent80.ClientTransferId
    }

    It 'a -BatchId client id is about 48 characters (what the views must show whole)' {
        $script:id80.Length | Should -BeGreaterThan 40
    }

    It '<Name> shows 0.000001 and the whole client id, no line over 80' -ForEach @(
        @{ Name = 'the New-XRocketTransfer result'; Get = { $script:sent80 } }
        @{ Name = 'Get-XRocketTransfer'; Get = { Get-XRocketTransfer -Id $script:sent80.TransferId } }
        @{ Name = 'a -WhatIf plan row'; Get = { [pscustomobject]@{ TelegramUserId = 87209764; Asset = 'BTC'; Amount = '0.000001' } | New-XRocketTransfer -BatchId 'nov-monthly-payouts-2' -Preflight -WhatIf | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] } } }
    ) {
        $item = & $Get
        $table = $item | Out-String -Width 80
        $table | Should -BeLike '*0.000001*'
        $table | Should -Not -BeLike '*…*'
        ($table -replace '\s', '') | Should -BeLike "*$($item.ClientTransferId)*"
        $table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 } | Should -BeNullOrEmpty
    }

    It 'the -Compare Differences table shows every digit of both amounts' {
        Clear-SandboxState
        $differences = (Get-XRocketJournal $script:journal80 -Compare).Differences
        $differences | Should -Not -BeNullOrEmpty
        $table = $differences | Out-String -Width 80
        $table | Should -BeLike '*0.000001*'
        $table | Should -Not -BeLike '*0.00 *'
        ($table -replace '\s', '') | Should -BeLike "*$script:id80*"
    }

    It 'an invoice made with -ExpiresInSec 5 says 5 seconds (ExpiresInSec), in its list view and in Format-List *' {
        $invoice = New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSec 5
        $invoice.ExpiresInSec | Should -Be 5
        $invoice | Format-List | Out-String -Width 80 | Should -Match 'ExpiresInSec\s+: 5\b'
        $invoice | Format-List * | Out-String -Width 80 | Should -Match 'ExpiresInSec\s+: 5\b'
    }

    It 'payout totals show every digit' {
        $plan = [pscustomobject]@{ TelegramUserId = 87209764; Asset = 'BTC'; Amount = '0.000001' } |
            New-XRocketTransfer -BatchId 'totals' -Preflight -WhatIf | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        $plan.Totals | Out-String -Width 80 | Should -Match 'BTC\s+0\.000001\s+1\s+10000'
    }

    It 'a table of chosen columns keeps every digit as about_XRocketPay shows (FormatString G)' {
        $transfer = New-XRocketTransfer -TelegramUserId 87209764 -Asset BTC -Amount '0.000001' -Confirm:$false
        $table = Get-XRocketTransfer -Id $transfer.TransferId |
            Format-Table TelegramUserId, @{ Expression = 'Amount'; FormatString = 'G' }, Asset | Out-String -Width 80
        $table | Should -BeLike '*0.000001*'
        # What PowerShell 7.3+ itself does with a [decimal] it is not told how to show (why the topic explains it).
        Get-XRocketTransfer -Id $transfer.TransferId | Format-Table TelegramUserId, Amount, Asset | Out-String -Width 80 | Should -BeLike '*0.00 *'

    }
}

Describe 'Amounts as people read them, under <_>' -ForEach @('en-US', 'de-DE') {
    BeforeAll {
        $script:previousCulture = [System.Threading.Thread]::CurrentThread.CurrentCulture
        [System.Threading.Thread]::CurrentThread.CurrentCulture = [cultureinfo]$_
    }

    AfterAll {
        [System.Threading.Thread]::CurrentThread.CurrentCulture = $script:previousCulture
    }

    BeforeEach {
        Clear-SandboxState
    }

    It 'balances show normalised amounts after a cheque comes and goes; tables at width 120 never cut them' {
        $cheque = New-XRocketCheque -Asset USDT -Amount '4.50' -Confirm:$false
        $table = Get-XRocketBalance -Asset USDT | Format-Table | Out-String -Width 120
        $table | Should -BeLike '*9995.5 *'
        $table | Should -BeLike '*4.5*'
        $table | Should -Not -BeLike '*9995.50*'
        $cheque | Format-Table | Out-String -Width 120 | Should -BeLike '* 4.5 USDT*'
        $cheque | Remove-XRocketCheque -Confirm:$false
        $after = Get-XRocketBalance -Asset USDT | Format-Table | Out-String -Width 120
        $after | Should -Not -BeLike '*0.000000000*'
        $after | Should -Match 'USDT\s+10000\s+10000\s+0\b'
    }

    It 'every amount column of every view shows the whole amount at width 120' {
        $big = '12345678.123456789'
        Clear-SandboxState
        $transfer = New-XRocketTransfer -TelegramUserId 87209764 -Asset BTC -Amount '1.123456789' -Confirm:$false
        $views = @(
            $transfer
            Get-XRocketTransfer -Id $transfer.TransferId
            New-XRocketInvoice -Currency USDT -Amount $big -Description 'a rather long description of the order that fills the table' -Confirm:$false
            New-XRocketCheque -Asset BTC -Amount '0.123456789' -Description 'long description again, so that columns compete' -Confirm:$false
        ) | ForEach-Object { $_ | Format-Table | Out-String -Width 120 }
        $views[0] | Should -BeLike '*1.123456789*'
        $views[1] | Should -BeLike '*1.123456789*'
        $views[2] | Should -BeLike "*$big*"
        $views[3] | Should -BeLike '*0.123456789*'
        ($views -join '') -split "`n" | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }

    It 'messages and -WhatIf text show normalised amounts' {
        $transcript = Join-Path $TestDrive "whatif-$_.txt"
        $null = Start-Transcript -Path $transcript
        try {
            New-XRocketCheque -Asset USDT -Amount '5.50' -WhatIf
            New-XRocketTransfer -TelegramUserId 87209764 -Asset USDT -Amount '007.10' -WhatIf
        }
        finally {
            $null = Stop-Transcript
        }

        $text = Get-Content -LiteralPath $transcript -Raw
        $text | Should -BeLike '*cheque of 5.5 USDT*'
        $text | Should -BeLike '*Transfer 7.1 USDT*'
        $null = New-XRocketCheque -Asset USDT -Amount '0.5' -Confirm:$false
        New-XRocketCheque -Asset USDT -Amount 99999 -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].Exception.Message | Should -BeLike '*9999.5 USDT*'
        $failed[0].Exception.Message | Should -Not -BeLike '*9999.500*'
    }
}

Describe 'Links a user sends out' {
    BeforeAll {
        Clear-SandboxState
        $script:cheque = New-XRocketCheque -Asset USDT -Amount 1 -Confirm:$false
        $script:invoice = New-XRocketInvoice -Currency USDT -Amount 1
    }

    It '<Name> shows its link in the default views and in Format-List *, and pipes it as .Link' -ForEach @(
        @{ Name = 'cheque'; Get = { $script:cheque } }
        @{ Name = 'invoice'; Get = { $script:invoice } }
    ) {
        $item = & $Get
        $item.Link | Should -BeLike 'https://t.me/*'
        ($item | Select-Object -ExpandProperty Link) | Should -Be $item.Link
        $item | Format-Table | Out-String -Width 120 | Should -BeLike "*$($item.Link)*"
        $item | Format-List | Out-String -Width 120 | Should -BeLike "*$($item.Link)*"
        $all = $item | Format-List * | Out-String -Width 120
        $all | Should -Not -BeLike '*XRocketPay.Client.Models.Links*'
        $all | Should -Match "Links\s+: $([regex]::Escape($item.Link))"
    }
}

Describe 'A withdrawal link' {
    It 'shows the whole link by default, never cut at width 120' {
        $links = New-XRocketWithdrawalLink -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -Confirm:$false
        $links.Link | Should -BeLike 'https://t.me/*'
        $shown = ($links | Out-String -Width 120) -replace '\s', ''
        $shown | Should -BeLike "*$($links.Link)*"
    }
}

Describe 'One vocabulary, one name each' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'every resource has a ResourceId property and -Status; the old -State and -ExpiresInSeconds are gone' {
        $invoice = New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSec 600
        $invoice.InvoiceId | Should -Be $invoice.Id
        { New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSeconds 600 -ErrorAction Stop } | Should -Throw -ErrorId 'NamedParameterNotFound,*'
        $cheque = New-XRocketCheque -Asset USDT -Amount 1 -user_id 87209764 -Confirm:$false
        $cheque.TelegramUserId | Should -Be '87209764'
        (Get-XRocketCheque -Status active).ChequeId | Should -Be $cheque.ChequeId
        { Get-XRocketCheque -State active -ErrorAction Stop } | Should -Throw -ErrorId 'NamedParameterNotFound,*'
        $cheque.Status | Should -Be 'active'
    }

    It 'New-XRocketTransfer user asset amount (by position) returns what Get-XRocketTransfer returns, under the same names' {
        $result = New-XRocketTransfer 87209764 TRX 1.5 -Confirm:$false
        $result.Outcome | Should -Be 'Sent'
        $result.PSObject.Properties['Status'] | Should -BeNullOrEmpty
        $read = Get-XRocketTransfer -Id $result.TransferId
        $read.TelegramUserId | Should -Be $result.TelegramUserId
        $read.Amount | Should -Be $result.Amount
        $read.Asset | Should -Be $result.Asset
    }

    It 'the old transfer order (user amount asset) is refused before anything is sent' {
        Clear-SandboxRequest
        New-XRocketTransfer 87209764 1.5 TRX -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidAmount,*'
        $failed[0].Exception.Message | Should -BeLike '*<TelegramUserId> <Asset> <Amount>*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}
