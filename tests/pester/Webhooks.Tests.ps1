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

Describe 'Receive-XRocketWebhook' {
    BeforeAll {
        # A delivery signed as the sandbox signs (the test knows the sandbox's secret), with an envelope id of its choosing.
        function Get-SignedDelivery {
            param(
                [Parameter(Mandatory)] [string] $Id,
                [long] $TimestampMs = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
            )

            $body = '{"id":"' + $Id + '","timestamp":"2026-12-01T00:00:00Z","type":"something_new","data":{"n":1}}'
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([System.Text.Encoding]::UTF8.GetBytes('sandbox-webhook-secret'))
            $hash = $hmac.ComputeHash([System.Text.Encoding]::UTF8.GetBytes("$TimestampMs.$body"))
            $hmac.Dispose()
            # Header names in lower case: the receiver reads them in any case.
            @{ Body = $body; Headers = @{ 'signature-timestamp' = "$TimestampMs"; 'signature-version' = 'v1'; 'signature' = -join ($hash | ForEach-Object { $_.ToString('x2') }) } }
        }

        # Posts the deliveries in order, in a thread of its own, as soon as the receiver's port accepts a
        # connection (no guessed start-up time); outputs the status code of each answer.
        function Send-WebhookDelivery {
            param([Parameter(Mandatory)] [int] $Port, [Parameter(Mandatory)] [object[]] $Delivery)
            Start-ThreadJob -ArgumentList $Port, $Delivery -ScriptBlock {
                param($Port, $Delivery)
                $deadline = [DateTime]::UtcNow.AddMinutes(5)
                while ($true) {
                    try { $probe = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $Port); $probe.Dispose(); break }
                    catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 50 }
                }

                $client = [System.Net.Http.HttpClient]::new()
                try {
                    foreach ($one in $Delivery) {
                        $content = [System.Net.Http.StringContent]::new($one.Body, [System.Text.Encoding]::UTF8, 'application/json')
                        foreach ($name in $one.Headers.Keys) { $null = $content.Headers.TryAddWithoutValidation($name, [string]$one.Headers[$name]) }
                        [int]$client.PostAsync("http://127.0.0.1:$Port/hook/", $content).GetAwaiter().GetResult().StatusCode
                    }
                }
                finally {
                    $client.Dispose()
                }
            }
        }

        # True when nothing listens on the prefix any more (a new listener can take it).
        function Test-PrefixFree {
            param([string] $Prefix)
            $listener = [System.Net.HttpListener]::new()
            $listener.Prefixes.Add($Prefix)
            try { $listener.Start(); $true } catch { $false } finally { $listener.Close() }
        }
    }

    BeforeEach {
        $script:port = Get-FreeTcpPort
        $script:prefix = "http://127.0.0.1:$script:port/hook/"
    }

    It 'writes the sandbox''s signed webhook of a paid invoice as the typed event ConvertFrom-XRocketWebhook returns, then frees the port' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2 -CallbackUrl $script:prefix
        $payer = Start-ThreadJob -ArgumentList $script:port, $script:BaseUri, $invoice.Id -ScriptBlock {
            param($Port, $BaseUri, $Id)
            $deadline = [DateTime]::UtcNow.AddMinutes(5)
            while ($true) {
                try { $probe = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $Port); $probe.Dispose(); break }
                catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 50 }
            }
            $null = Invoke-RestMethod -Method Post -Uri "$BaseUri/api/v1/invoice/pay-test?invoiceId=$Id" -Headers @{ Authorization = 'Bearer sandbox-token' } -ContentType 'application/json' -Body '{}'
        }
        $event = Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 300 -ErrorVariable failed
        $payer | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $failed | Should -BeNullOrEmpty
        $event.GetType().FullName | Should -Be 'XRocketPay.PowerShell.XRocketWebhookEvent'
        $event.GetType() | Should -Be (ConvertFrom-XRocketWebhook -Body $script:delivery.body).GetType()
        $event.Type | Should -Be 'invoice'
        $event.Data.GetType().Name | Should -Be 'XRocketInvoiceEvent'
        $event.Invoice.InvoiceId | Should -Be $invoice.Id
        $event.Invoice.Status | Should -Be 'paid'
        Test-PrefixFree -Prefix $script:prefix | Should -BeTrue
    }

    It 'refuses forged deliveries with 401 and an InvalidWebhookSignature error about the request; nothing shows the secret' {
        $genuine = Get-SignedDelivery -Id 'genuine-1'
        $wrongSignature = @{ Body = $genuine.Body; Headers = $genuine.Headers.Clone() }
        $wrongSignature.Headers['signature'] = '0' * 64
        $stale = Get-SignedDelivery -Id 'stale-1' -TimestampMs ([DateTimeOffset]::UtcNow.AddHours(-1).ToUnixTimeMilliseconds())
        $noHeaders = @{ Body = $genuine.Body; Headers = @{} }
        $oversized = @{ Body = $genuine.Body + (' ' * 1MB); Headers = $genuine.Headers }
        $sender = Send-WebhookDelivery -Port $script:port -Delivery $wrongSignature, $stale, $noHeaders, $oversized, $genuine

        $all = Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 300 -Verbose -ErrorVariable refused -ErrorAction SilentlyContinue 4>&1
        $answers = $sender | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop

        $answers | Should -Be @(401, 401, 401, 401, 200)
        $events = @($all | Where-Object { $_ -is [XRocketPay.PowerShell.XRocketWebhookEvent] })
        $events.Id | Should -Be 'genuine-1'
        $refused.Count | Should -Be 4
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookSignature,*' }
        $refused | ForEach-Object { $_.TargetObject.GetType().Name } | Select-Object -Unique | Should -Be 'XRocketWebhookDelivery'
        $refused[0].TargetObject.Body | Should -Be $genuine.Body
        $refused[0].TargetObject.Headers['SIGNATURE'] | Should -Be ('0' * 64)
        $refused[1].Exception.Message | Should -BeLike '*tolerance*'
        $refused[2].Exception.Message | Should -BeLike '*headers are required*'
        $refused[3].Exception.Message | Should -BeLike '*larger than*'
        $refused[3].TargetObject.Body | Should -BeNullOrEmpty

        $shown = ($all, $refused, ($refused.TargetObject | Format-List * | Out-String), ($refused | Format-List * -Force | Out-String)) | Out-String
        $shown | Should -Not -Match 'sandbox-webhook-secret'
        Test-PrefixFree -Prefix $script:prefix | Should -BeTrue
    }

    It 'drops a repeated delivery (same envelope id), answering it 200' {
        $first = Get-SignedDelivery -Id 'event-1'
        $sender = Send-WebhookDelivery -Port $script:port -Delivery $first, $first, (Get-SignedDelivery -Id 'event-2')
        $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 2 -TimeoutSec 300)
        $sender | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop | Should -Be @(200, 200, 200)
        $events.Id | Should -Be @('event-1', 'event-2')
    }

    It 'stops at -TimeoutSec with a WaitTimeout error when fewer than -Count events came, and frees the port' {
        $events = Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $events | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
        Test-PrefixFree -Prefix $script:prefix | Should -BeTrue
    }

    It 'frees the port when the pipeline stops it (Select-Object -First)' {
        $sender = Send-WebhookDelivery -Port $script:port -Delivery (Get-SignedDelivery -Id 'first'), (Get-SignedDelivery -Id 'second')
        $event = Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -TimeoutSec 300 | Select-Object -First 1
        $event.Id | Should -Be 'first'
        Test-PrefixFree -Prefix $script:prefix | Should -BeTrue
        $null = $sender | Wait-Job -Timeout 300
        $sender | Remove-Job -Force
    }

    It 'says which prefix it cannot take, as a terminating WebhookListenerFailed error' {
        $taken = [System.Net.HttpListener]::new()
        $taken.Prefixes.Add($script:prefix)
        $taken.Start()
        try {
            { Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 1 } | Should -Throw -ErrorId 'WebhookListenerFailed,*'
        }
        finally {
            $taken.Close()
        }
    }
}
