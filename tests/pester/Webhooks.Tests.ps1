BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect

    # A delivery the sandbox signed: an invoice paid with a callback to the sandbox's own sink.
    Clear-SandboxState
    $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2 -CallbackUrl "$script:BaseUri/sandbox/webhook-sink"
    $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    do {
        $script:delivery = (Invoke-SandboxAdmin -Path webhook-sink).items | Select-Object -First 1
    } until ($script:delivery -or [DateTime]::UtcNow -gt $deadline)

    $script:headers = @{}
    $script:delivery.headers.PSObject.Properties | ForEach-Object { $script:headers[$_.Name] = $_.Value }
    $script:secret = [System.Net.NetworkCredential]::new('', 'sandbox-webhook-secret').SecurePassword
}

AfterAll {
    Close-TestSandbox
}

Describe 'Webhooks' {
    It 'Test-XRocketWebhookSignature accepts the sandbox signature and refuses a changed body' {
        Test-XRocketWebhookSignature -Body $script:delivery.body -Headers $script:headers -Secret $script:secret | Should -BeTrue
        Test-XRocketWebhookSignature -Body ($script:delivery.body + ' ') -Headers $script:headers -Secret $script:secret | Should -BeFalse
    }

    It '-Headers takes any header collection a user holds, names in any case (issue 25 item 8)' {
        $web = [System.Net.WebHeaderCollection]::new()
        $values = [System.Collections.Specialized.NameValueCollection]::new()
        $generic = [System.Collections.Generic.Dictionary[string, string]]::new()
        foreach ($name in $script:headers.Keys) {
            $web.Add($name.ToUpperInvariant(), $script:headers[$name])
            $values.Add($name.ToLowerInvariant(), $script:headers[$name])
            $generic.Add($name.ToLowerInvariant(), $script:headers[$name])
        }

        foreach ($collection in $web, $values, $generic, $script:delivery.headers) {
            Test-XRocketWebhookSignature -Body $script:delivery.body -Headers $collection -Secret $script:secret | Should -BeTrue
            (ConvertFrom-XRocketWebhook -Body $script:delivery.body -Headers $collection -Secret $script:secret).Type | Should -Be 'invoice'
        }

        $web.Set('SIGNATURE', ('0' * 64))
        Test-XRocketWebhookSignature -Body $script:delivery.body -Headers $web -Secret $script:secret | Should -BeFalse
    }

    It '-Headers takes an HttpListenerRequest''s headers as they arrive' {
        $port = Get-FreeTcpPort
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $client = [System.Net.Http.HttpClient]::new()
        try {
            $content = [System.Net.Http.StringContent]::new($script:delivery.body, [System.Text.Encoding]::UTF8, 'application/json')
            foreach ($name in $script:headers.Keys) {
                $null = $content.Headers.TryAddWithoutValidation($name, $script:headers[$name])
            }
            $sending = $client.PostAsync("http://127.0.0.1:$port/", $content)
            $context = $listener.GetContext()
            $body = [System.IO.StreamReader]::new($context.Request.InputStream, [System.Text.Encoding]::UTF8).ReadToEnd()
            $verdict = Test-XRocketWebhookSignature -Body $body -Headers $context.Request.Headers -Secret $script:secret
            $context.Response.StatusCode = 200
            $context.Response.Close()
            $null = $sending.GetAwaiter().GetResult()
            $verdict | Should -BeTrue
        }
        finally {
            $client.Dispose()
            $listener.Close()
        }
    }

    It 'ConvertFrom-XRocketWebhook verifies and parses the delivery' {
        $event = ConvertFrom-XRocketWebhook -Body $script:delivery.body -Headers $script:headers -Secret $script:secret
        $event.Type | Should -Be 'invoice'
        $event.Id | Should -Not -BeNullOrEmpty
    }

    It 'ConvertFrom-XRocketWebhook refuses a tampered body with InvalidWebhookSignature' {
        $tampered = $script:delivery.body.Replace('"2"', '"200"')
        { ConvertFrom-XRocketWebhook -Body $tampered -Headers $script:headers -Secret $script:secret -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWebhookSignature,*'
    }

    It 'ConvertFrom-XRocketWebhook gives an invoice event its invoice and payment, typed, with a view' {
        $event = ConvertFrom-XRocketWebhook -Body $script:delivery.body -Headers $script:headers -Secret $script:secret
        $event.Data.GetType().Name | Should -Be 'XRocketInvoiceEvent'
        $event.Data.Event | Should -Be 'invoice_status_changed'
        $event.Data.Invoice.InvoiceId | Should -Not -BeNullOrEmpty
        $event.Data.Invoice.PriceAmount | Should -Be 2
        $event.Data.Payment.PayAmount | Should -Be 2
        $event.Invoice.InvoiceId | Should -Be $event.Data.InvoiceId
        $event.Data | Format-Table | Out-String -Width 120 | Should -BeLike '*invoice_status_changed*'
        $event | Format-List | Out-String -Width 120 | Should -BeLike '*invoice*'
    }

    It 'ConvertFrom-XRocketWebhook types cheque, payout (a transfer) and withdrawal events' {
        $sink = "$script:BaseUri/sandbox/webhook-sink"
        $cheque = New-XRocketCheque -Asset USDT -Amount 1 -CallbackUrl $sink -Confirm:$false
        $null = Invoke-SandboxAdmin -Path "cheques/redeem?chequeId=$($cheque.ChequeId)" -Method Post
        $transfer = New-XRocketTransfer -TelegramUserId 87209764 -Asset TRX -Amount 1 -CallbackUrl $sink -Confirm:$false
        $withdrawal = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -CallbackUrl $sink -Confirm:$false |
            Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 30
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        do {
            $events = @((Invoke-SandboxAdmin -Path webhook-sink).items | ForEach-Object { ConvertFrom-XRocketWebhook -Body $_.body })
        } until (@($events | Where-Object Type -In 'cheque', 'payout', 'withdrawal' | Select-Object -ExpandProperty Type -Unique).Count -ge 3 -or [DateTime]::UtcNow -gt $deadline)

        ($events | Where-Object Type -EQ 'cheque' | Select-Object -Last 1).Data.ChequeId | Should -Be $cheque.ChequeId
        $payout = $events | Where-Object Type -EQ 'payout' | Select-Object -Last 1
        $payout.Data.GetType().Name | Should -Be 'Transfer'
        $payout.Data.TransferId | Should -Be $transfer.TransferId
        $payout.Data.TelegramUserId | Should -Be '87209764'
        ($events | Where-Object Type -EQ 'withdrawal' | Select-Object -Last 1).Data.WithdrawalId | Should -Be $withdrawal.WithdrawalId
        $events | Format-Table | Out-String -Width 120 | Should -BeLike '*payout*'
    }

    It 'ConvertFrom-XRocketWebhook gives an unknown event type as an object PowerShell can navigate' {
        $event = ConvertFrom-XRocketWebhook -Body '{"id":"e1","timestamp":"2026-01-01T00:00:00Z","type":"something_new","data":{"x":1,"inner":{"name":"n"},"list":[1,2]}}'
        $event.Type | Should -Be 'something_new'
        $event.Data.x | Should -Be 1
        $event.Data.inner.name | Should -Be 'n'
        $event.Data.list | Should -Be @(1, 2)
        $event | Format-Table | Out-String -Width 120 | Should -BeLike '*something_new*'
    }
}
