BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox
    Connect-TestSandbox -Token $script:CanaryToken
    Clear-SandboxState

    # One object of every output type, made against the sandbox.
    $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2.5 -Description 'formatting' -CallbackUrl "$script:BaseUri/sandbox/webhook-sink"
    $paid = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
    $transfer = New-XRocketTransfer -TelegramUserId 87209764 -Amount '1.123456789' -Asset BTC -Confirm:$false
    $withdrawal = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 3 -Confirm:$false
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    do { $delivery = (Invoke-SandboxAdmin -Path webhook-sink).items | Select-Object -First 1 } until ($delivery -or [DateTime]::UtcNow -gt $deadline)
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
        XRocketWebhookEnvelope = ConvertFrom-XRocketWebhook -Body $delivery.body -Headers $headers -Secret $secret
        XRocketConnection     = Get-XRocketConnection
        XRocketTransferResult = $transfer
        XRocketPayoutPlanRow  = $plan | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPlanRow] }
        XRocketPayoutPreflight = $plan | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketPayoutPreflight] }
        XRocketJournalSummary = Get-XRocketJournal $journal -Compare
    }
    $script:typeNames = @($script:samples.Keys)
}

AfterAll {
    Disconnect-XRocket -ErrorAction SilentlyContinue
    Close-TestSandbox
}

Describe 'Every output type' {
    It 'has a sample of each type the module declares' {
        $declared = Get-Command -Module XRocketPay | ForEach-Object { $_.OutputType } | ForEach-Object { $_.Name } | Where-Object { $_ -and $_ -ne 'System.Boolean' } | ForEach-Object { ($_ -split '\.')[-1] } | Sort-Object -Unique
        $declared | Should -Be ($script:typeNames | Sort-Object)
    }

    It '<_> renders with Format-Table and Format-List at width 200, and shows no token' -ForEach @(
        'App', 'AssetBalance', 'Cheque', 'Currency', 'Invoice', 'InvoicePayment', 'InvoicePaymentAddress', 'Links',
        'Rate', 'Transfer', 'Withdrawal', 'WithdrawalQuotas', 'XRocketWebhookEnvelope', 'XRocketConnection', 'XRocketTransferResult',
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
        'Rate', 'Transfer', 'Withdrawal', 'WithdrawalQuotas', 'XRocketWebhookEnvelope', 'XRocketConnection', 'XRocketTransferResult',
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
