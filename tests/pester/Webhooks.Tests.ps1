BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect

    # A delivery the sandbox signed: an invoice paid with a callback to the sandbox's own sink.
    Clear-SandboxState
    $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2 -CallbackUrl $script:SandboxAdmin.WebhookSink
    $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
    $deadline = [DateTime]::UtcNow.AddSeconds(10)
    do {
        $script:delivery = $script:SandboxAdmin.ReceivedWebhooks() | Select-Object -First 1
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
        $sink = $script:SandboxAdmin.WebhookSink
        $cheque = New-XRocketCheque -Asset USDT -Amount 1 -CallbackUrl $sink -Confirm:$false
        $script:SandboxAdmin.RedeemCheque($cheque.ChequeId)
        $transfer = New-XRocketTransfer -TelegramUserId 87209764 -Asset TRX -Amount 1 -CallbackUrl $sink -Confirm:$false
        $withdrawal = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -CallbackUrl $sink -Confirm:$false |
            Wait-XRocketWithdrawal -PollIntervalSec 1 -TimeoutSec 30
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        do {
            $events = @($script:SandboxAdmin.ReceivedWebhooks() | ForEach-Object { ConvertFrom-XRocketWebhook -Body $_.body })
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
                [long] $TimestampMs = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds(),
                [string] $Body = '{"id":"' + $Id + '","timestamp":"2026-12-01T00:00:00Z","type":"something_new","data":{"n":1}}'
            )

            $body = $Body
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

        # Sends every delivery at once, each on a connection of its own (raw HTTP/1.1, so nothing retries), as soon
        # as the port accepts; counts in $Shared.Sent the requests fully written, then outputs each answer's status
        # (0: reset or closed unanswered). The receiver's caller waits on $Shared.Sent, never on a guessed time.
        function Invoke-ConcurrentDelivery {
            param([Parameter(Mandatory)] [int] $Port, [Parameter(Mandatory)] [object[]] $Delivery, [Parameter(Mandatory)] [hashtable] $Shared, [string] $After)
            Start-ThreadJob -ArgumentList $Port, $Delivery, $Shared, $After -ScriptBlock {
                param($Port, $Delivery, $Shared, $After)
                $deadline = [DateTime]::UtcNow.AddMinutes(5)
                while ($true) {
                    try { $probe = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $Port); $probe.Dispose(); break }
                    catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 50 }
                }
                # -After: a key of $Shared another sender sets when it is time to send.
                while ($After -and -not $Shared[$After]) {
                    if ([DateTime]::UtcNow -gt $deadline) { throw "$After never came" }
                    Start-Sleep -Milliseconds 20
                }

                $open = foreach ($one in $Delivery) {
                    $client = [System.Net.Sockets.TcpClient]::new()
                    try {
                        $client.Connect('127.0.0.1', $Port)
                        $client.GetStream().ReadTimeout = 300000
                        $bytes = [System.Text.Encoding]::UTF8.GetBytes($one.Body)
                        $head = "POST /hook/ HTTP/1.1`r`nHost: 127.0.0.1:$Port`r`nContent-Type: application/json`r`nContent-Length: $($bytes.Length)`r`n"
                        foreach ($name in $one.Headers.Keys) { $head += "${name}: $($one.Headers[$name])`r`n" }
                        $request = [System.Text.Encoding]::ASCII.GetBytes("$head`r`n") + $bytes
                        $client.GetStream().Write($request, 0, $request.Length)
                    }
                    catch [System.Net.Sockets.SocketException], [System.IO.IOException] {
                        # Refused or reset: the receiver had stopped; this delivery is answered 0.
                        $null = $_
                    }
                    $Shared.Sent++
                    $client
                }

                foreach ($client in $open) {
                    $answer = [byte[]]::new(12)
                    $read = 0
                    try {
                        while ($read -lt 12) {
                            $n = $client.GetStream().Read($answer, $read, 12 - $read)
                            if ($n -eq 0) { break }
                            $read += $n
                        }
                    }
                    catch { $read = 0 }
                    $client.Dispose()
                    $line = [System.Text.Encoding]::ASCII.GetString($answer, 0, $read)
                    if ($line -match '^HTTP/1\.1 (\d{3})') { [int]$Matches[1] } else { 0 }
                }
            }
        }

        # Waits on a condition, with a deadline far beyond any machine's speed.
        function Wait-Until {
            param([Parameter(Mandatory)] [scriptblock] $Condition)
            $deadline = [DateTime]::UtcNow.AddMinutes(5)
            while (-not (& $Condition)) {
                if ([DateTime]::UtcNow -gt $deadline) { throw "Not true in 5 minutes: $Condition" }
                Start-Sleep -Milliseconds 20
            }
        }

        # The property every stop path keeps: a delivery answered 200 is an event written; the rest 503 (or reset).
        function Assert-AnsweredAsWritten {
            param([int[]] $Status, [int] $Written)
            @($Status | Where-Object { $_ -eq 200 }).Count | Should -Be $Written
            @($Status | Where-Object { $_ -notin 200, 503, 0 }) | Should -BeNullOrEmpty
        }

        function Get-SignedDeliveryBatch {
            param([int] $Count, [string] $Tag)
            1..$Count | ForEach-Object { Get-SignedDelivery -Id "$Tag-$_" }
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
        $answers = $sender | Wait-Job | Receive-Job -ErrorAction Stop

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
        $sender | Wait-Job | Receive-Job -ErrorAction Stop | Should -Be @(200, 200, 200)
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

    Context 'answers 200 only for an event written, 503 for every other delivery, on every stop path (issue 29 item 1)' {
        It '-Count 1 with <Count> concurrent deliveries' -ForEach @(@{ Count = 10 }, @{ Count = 50 }) {
            $shared = [hashtable]::Synchronized(@{ Sent = 0 })
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDeliveryBatch -Count $Count -Tag count) -Shared $shared
            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 300 |
                ForEach-Object { Wait-Until { $shared.Sent -eq $Count }; $_ })
            $status = $sender | Wait-Job | Receive-Job -ErrorAction Stop
            $events.Count | Should -Be 1
            Assert-AnsweredAsWritten -Status $status -Written $events.Count
            Test-PrefixFree -Prefix $script:prefix | Should -BeTrue
        }

        It '-TimeoutSec with 50 concurrent deliveries' {
            $shared = [hashtable]::Synchronized(@{ Sent = 0 })
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDeliveryBatch -Count 50 -Tag timeout) -Shared $shared
            $ends = [DateTime]::UtcNow.AddSeconds(3)
            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -TimeoutSec 3 |
                ForEach-Object { Wait-Until { $shared.Sent -eq 50 -and [DateTime]::UtcNow -gt $ends }; $_ })
            $status = $sender | Wait-Job | Receive-Job -ErrorAction Stop
            Assert-AnsweredAsWritten -Status $status -Written $events.Count
        }

        It 'Select-Object -First 1 with 20 concurrent deliveries' {
            $shared = [hashtable]::Synchronized(@{ Sent = 0 })
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDeliveryBatch -Count 20 -Tag first) -Shared $shared
            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -TimeoutSec 300 |
                ForEach-Object { Wait-Until { $shared.Sent -eq 20 }; $_ } | Select-Object -First 1)
            $status = $sender | Wait-Job | Receive-Job -ErrorAction Stop
            $events.Count | Should -Be 1
            Assert-AnsweredAsWritten -Status $status -Written 1
        }

        It 'an exception downstream with 10 concurrent deliveries' {
            $shared = [hashtable]::Synchronized(@{ Sent = 0 })
            $written = [System.Collections.Generic.List[object]]::new()
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDeliveryBatch -Count 10 -Tag crash) -Shared $shared
            {
                Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -TimeoutSec 300 | ForEach-Object {
                    if ($written.Count -ge 1) { throw 'the shop failed to deliver' }
                    Wait-Until { $shared.Sent -eq 10 }
                    $written.Add($_)
                }
            } | Should -Throw '*the shop failed to deliver*'
            $status = $sender | Wait-Job | Receive-Job -ErrorAction Stop
            $written.Count | Should -Be 1
            Assert-AnsweredAsWritten -Status $status -Written 1
            Test-PrefixFree -Prefix $script:prefix | Should -BeTrue
        }

        It 'Ctrl+C (StopProcessing) with 50 concurrent deliveries' {
            $shared = [hashtable]::Synchronized(@{ Sent = 0 })
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDeliveryBatch -Count 50 -Tag stop) -Shared $shared
            $runspace = [runspacefactory]::CreateRunspace()
            $runspace.Open()
            $shell = [powershell]::Create()
            $shell.Runspace = $runspace
            try {
                $null = $shell.AddCommand('Import-Module').AddArgument((Get-Module XRocketPay).Path).AddStatement()
                $null = $shell.AddCommand('Receive-XRocketWebhook').AddParameter('Prefix', $script:prefix).AddParameter('Secret', $script:secret)
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $noInput.Complete()
                $running = $shell.BeginInvoke($noInput, $output)
                Wait-Until { $output.Count -ge 1 -and $shared.Sent -eq 50 }
                $shell.Stop()
                # Stop returns once the pipeline is stopping; its IAsyncResult completes a moment later.
                Wait-Until { $running.IsCompleted }
                $status = $sender | Wait-Job | Receive-Job -ErrorAction Stop
                Assert-AnsweredAsWritten -Status $status -Written $output.Count
            }
            finally {
                $shell.Dispose()
                $runspace.Dispose()
            }
        }

        It 'with -Spool, every delivery answered 200 is written by this call or the next' {
            $spool = Join-Path $TestDrive 'spool-stop'
            $shared = [hashtable]::Synchronized(@{ Sent = 0 })
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDeliveryBatch -Count 10 -Tag spool) -Shared $shared
            $first = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Spool $spool -Count 1 -TimeoutSec 300 |
                ForEach-Object { Wait-Until { $shared.Sent -eq 10 }; $_ })
            $status = $sender | Wait-Job | Receive-Job -ErrorAction Stop
            $answered = @($status | Where-Object { $_ -eq 200 }).Count
            $first.Count | Should -Be 1

            # Spooled: every delivery answered 200, and any spooled just as the stop answered it 503 (sent again, deduplicated).
            $spooled = @(Get-ChildItem (Join-Path $spool 'pending') -File).Count
            $spooled | Should -BeGreaterOrEqual ($answered - 1)
            $next = @(if ($spooled -gt 0) { Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Spool $spool -Count $spooled -TimeoutSec 300 })
            $next.Count | Should -Be $spooled
            @(@($first.Id) + @($next.Id) | Select-Object -Unique).Count | Should -Be (1 + $spooled)
            @(Get-ChildItem (Join-Path $spool 'pending') -File) | Should -BeNullOrEmpty
        }
    }

    Context 'nothing a sender does stops the listener (issue 29 item 2)' {
        It 'a huge timestamp, an unsigned body and three signed odd shapes are refused 401 and 400; the next delivery is written' {
            $huge = Get-SignedDelivery -Id 'huge'
            $huge.Headers['signature-timestamp'] = '99999999999999999'
            $signedHuge = Get-SignedDelivery -Id 'signed-huge' -TimestampMs 99999999999999999
            $odd = '{"id":"odd-1","type":"invoice","data":{"event":5}}',
                '{"id":"odd-2","type":"invoice","data":{"invoice":{"id":5}}}',
                '{"id":"odd-3","type":"invoice","data":{"invoice":{"id":"7","priceAmount":"abc"}}}' | ForEach-Object { Get-SignedDelivery -Id 'x' -Body $_ }
            $sender = Send-WebhookDelivery -Port $script:port -Delivery (@($huge, $signedHuge) + $odd + (Get-SignedDelivery -Id 'after-odd'))

            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 300 -ErrorVariable refused -ErrorAction SilentlyContinue)
            $sender | Wait-Job | Receive-Job -ErrorAction Stop | Should -Be @(401, 401, 400, 400, 400, 200)
            $events.Id | Should -Be 'after-odd'
            $refused.Count | Should -Be 5
            $refused[0..1] | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookSignature,*' }
            $refused[2..4] | ForEach-Object {
                $_.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookBody,*'
                $_.TargetObject.GetType().Name | Should -Be 'XRocketWebhookDelivery'
                $_.TargetObject.AnsweredStatus | Should -Be 400
            }
            $refused[2].TargetObject.Body | Should -Be $odd[0].Body
        }

        It 'a sender that stalls inside its body holds only itself: the delivery behind it is written' {
            $shared = [hashtable]::Synchronized(@{ Sent = 0; Stalled = $false })
            $stall = Start-ThreadJob -ArgumentList $script:port, $shared -ScriptBlock {
                param($Port, $Shared)
                $deadline = [DateTime]::UtcNow.AddMinutes(5)
                while ($true) {
                    try { $client = [System.Net.Sockets.TcpClient]::new('127.0.0.1', $Port); break }
                    catch { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 50 }
                }
                $request = [System.Text.Encoding]::ASCII.GetBytes("POST /hook/ HTTP/1.1`r`nHost: x`r`nContent-Length: 100`r`n`r`n{")
                $client.GetStream().Write($request, 0, $request.Length)
                $Shared.Stalled = $true
                $client.GetStream().ReadTimeout = 300000
                $answer = [byte[]]::new(12)
                $read = $client.GetStream().Read($answer, 0, 12)
                $client.Dispose()
                [System.Text.Encoding]::ASCII.GetString($answer, 0, $read)
            }
            $sender = Invoke-ConcurrentDelivery -Port $script:port -Delivery (Get-SignedDelivery -Id 'behind-a-stall') -Shared $shared -After Stalled
            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 1 -TimeoutSec 300)
            $events.Id | Should -Be 'behind-a-stall'
            $sender | Wait-Job | Receive-Job -ErrorAction Stop | Should -Be 200
            $stall | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop | Should -Not -BeLike '*200*'
        }

        It 'Test-XRocketWebhookSignature returns $false for any bad input' {
            $good = Get-SignedDelivery -Id 'good'
            Test-XRocketWebhookSignature -Body $good.Body -Headers $good.Headers -Secret $script:secret | Should -BeTrue
            $seconds = Get-SignedDelivery -Id 'seconds' -TimestampMs ([DateTimeOffset]::UtcNow.ToUnixTimeSeconds())
            $bad = @(
                @{ 'signature-timestamp' = '99999999999999999'; 'signature' = $good.Headers['signature'] },
                @{ 'signature-timestamp' = 'abc'; 'signature' = 'zz' },
                @{ 'signature-timestamp' = $good.Headers['signature-timestamp']; 'signature' = $good.Headers['signature']; 'signature-version' = 'v9' },
                @{ 'signature-timestamp' = $null; 'signature' = $null },
                @{}
            )
            foreach ($headers in $bad) {
                Test-XRocketWebhookSignature -Body $good.Body -Headers $headers -Secret $script:secret | Should -BeFalse
            }
            Test-XRocketWebhookSignature -Body '' -Headers $good.Headers -Secret $script:secret | Should -BeFalse
            Test-XRocketWebhookSignature -Body $seconds.Body -Headers $seconds.Headers -Secret $script:secret -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -BeLike '*looks like Unix seconds*milliseconds*'
        }

        It 'ConvertFrom-XRocketWebhook gives an InvalidWebhookBody error for a signed body of an unknown shape, and says a seconds timestamp is one' {
            foreach ($body in '{"id":"o","type":"invoice","data":{"event":5}}', '{"id":"o","type":"withdrawal","data":{"amount":"abc"}}', '[1]') {
                $signed = Get-SignedDelivery -Id 'x' -Body $body
                { ConvertFrom-XRocketWebhook -Body $signed.Body -Headers $signed.Headers -Secret $script:secret -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWebhookBody,*'
            }
            $seconds = Get-SignedDelivery -Id 'seconds' -TimestampMs ([DateTimeOffset]::UtcNow.ToUnixTimeSeconds())
            { ConvertFrom-XRocketWebhook -Body $seconds.Body -Headers $seconds.Headers -Secret $script:secret -ErrorAction Stop } | Should -Throw '*looks like Unix seconds*'
        }
    }

    Context 'dedupe that survives a restart (issue 29 item 3)' {
        It 'a delivery without an envelope id is written once' {
            $once = Get-SignedDelivery -Id 'x' -Body '{"type":"something_new","data":{"n":1}}'
            $sender = Send-WebhookDelivery -Port $script:port -Delivery $once, $once, (Get-SignedDelivery -Id 'last')
            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Count 2 -TimeoutSec 300)
            $sender | Wait-Job | Receive-Job -ErrorAction Stop | Should -Be @(200, 200, 200)
            $events.Count | Should -Be 2
            $events[1].Id | Should -Be 'last'
        }

        It 'with -Spool, an envelope id handed on by an earlier call is not written again' {
            $spool = Join-Path $TestDrive 'spool-dedupe'
            $sender = Send-WebhookDelivery -Port $script:port -Delivery (Get-SignedDelivery -Id 'paid-1')
            (Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Spool $spool -Count 1 -TimeoutSec 300).Id | Should -Be 'paid-1'
            $sender | Wait-Job | Receive-Job -ErrorAction Stop | Should -Be 200

            $sender = Send-WebhookDelivery -Port $script:port -Delivery (Get-SignedDelivery -Id 'paid-1'), (Get-SignedDelivery -Id 'paid-2')
            $events = @(Receive-XRocketWebhook -Prefix $script:prefix -Secret $script:secret -Spool $spool -Count 1 -TimeoutSec 300)
            $sender | Wait-Job | Receive-Job -ErrorAction Stop | Should -Be @(200, 200)
            $events.Id | Should -Be 'paid-2'
        }
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
