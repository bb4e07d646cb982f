BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Open-TestSandbox -Connect
}

AfterAll {
    Close-TestSandbox
}

Describe 'Invoices' {
    BeforeEach {
        Clear-SandboxState
    }

    It 'New-XRocketInvoice creates an invoice that Get-XRocketInvoice lists and reads' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 12.5 -Description 'order 1' -ClientInvoiceId 'inv-1'
        $invoice.PriceAmount | Should -Be 12.5
        (Get-XRocketInvoice -Id $invoice.Id).Description | Should -Be 'order 1'
        (Get-XRocketInvoice -ClientInvoiceId 'inv-1').Id | Should -Be $invoice.Id
        @(Get-XRocketInvoice -Status active).Count | Should -Be 1
    }

    It 'Invoke-XRocketInvoicePayment pays it (test only) and credits the ledger; Get-XRocketInvoicePayment shows the payment' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2.5
        ($invoice | Invoke-XRocketInvoicePayment -Confirm:$false).Status | Should -Be 'paid'
        Get-SandboxBalance -Asset TONCOIN | Should -Be 10002.5
        ($invoice | Get-XRocketInvoicePayment).PayAmount | Should -Be 2.5
    }

    It 'New-XRocketInvoicePaymentAddress gives an address on the network asked for' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 3
        $address = New-XRocketInvoicePaymentAddress -InvoiceId $invoice.Id -Network TON
        $address.PayNetwork | Should -Be 'TON'
        $address.Address | Should -Not -BeNullOrEmpty
        (Get-SandboxRequest)[-1].method | Should -Be 'POST'
    }

    It 'Remove-XRocketInvoice deletes it on the server' {
        $invoice = New-XRocketInvoice -Currency USDT -MinPayment 1
        $invoice | Remove-XRocketInvoice -Confirm:$false
        @(Get-StateChangingRequest | Where-Object method -EQ 'DELETE').Count | Should -Be 1
        { Get-XRocketInvoice -Id $invoice.Id -ErrorAction Stop } | Should -Throw
    }

    It 'Remove-XRocketInvoice -WhatIf sends no state-changing request' {
        $invoice = New-XRocketInvoice -Currency USDT -MinPayment 1
        Clear-SandboxRequest
        $invoice | Remove-XRocketInvoice -WhatIf
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }
}

Describe 'Invoices as the live API reads them (issue 22)' {
    BeforeEach {
        Clear-SandboxState
        # A new connection: what an earlier invoice taught about the expiry unit is per connection.
        Connect-TestSandbox
    }

    AfterAll {
        Clear-SandboxState
        Connect-TestSandbox
    }

    It 'a server reading milliseconds: no warning, every invoice expires when asked' {
        foreach ($n in 1, 2) {
            $invoice = New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSec 1800 -WarningVariable warned -WarningAction SilentlyContinue
            $warned | Should -BeNullOrEmpty
            ($invoice.ExpiresAt - $invoice.CreatedAt).TotalSeconds | Should -Be 1800
        }

        (Get-XRocketConnection).InvoiceExpiryUnit | Should -Be 'Milliseconds'
    }

    It 'a server reading seconds: the first invoice is warned about once, later ones expire when asked' {
        Set-SandboxConfig @{ invoiceExpiryUnit = 'seconds' }
        (Get-XRocketConnection).InvoiceExpiryUnit | Should -Be 'Auto'
        $first = New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSec 1800 -WarningVariable warned -WarningAction SilentlyContinue
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*read the invoice''s expiresIn as seconds, not milliseconds*'
        "$($warned[0])" | Should -BeLike "*Remove-XRocketInvoice -Id $($first.InvoiceId)*"
        ($first.ExpiresAt - $first.CreatedAt).TotalSeconds | Should -Be 1800000
        (Get-XRocketConnection).InvoiceExpiryUnit | Should -Be 'Seconds'

        foreach ($n in 1, 2) {
            $later = New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSec 1800 -WarningVariable warned -WarningAction SilentlyContinue
            $warned | Should -BeNullOrEmpty
            ($later.ExpiresAt - $later.CreatedAt).TotalSeconds | Should -Be 1800
        }
    }

    It 'Connect-XRocket -InvoiceExpiryUnit Seconds sends seconds from the first invoice' {
        Set-SandboxConfig @{ invoiceExpiryUnit = 'seconds' }
        $connection = Connect-XRocket -BaseUri $script:BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword) -InvoiceExpiryUnit Seconds -PassThru
        $connection.InvoiceExpiryUnit | Should -Be 'Seconds'
        $invoice = New-XRocketInvoice -Currency USDT -Amount 1 -ExpiresInSec 1800 -WarningVariable warned -WarningAction SilentlyContinue
        $warned | Should -BeNullOrEmpty
        ($invoice.ExpiresAt - $invoice.CreatedAt).TotalSeconds | Should -Be 1800
    }

    It 'a fiat -Currency is refused before anything is sent, naming -FiatAmount and -Fiat' {
        Clear-SandboxRequest
        New-XRocketInvoice -Currency USD -Amount 5 -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'UnknownAsset,*'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $refused[0].Exception.Message | Should -BeLike '*-FiatAmount <amount> -Fiat USD*'
        $refused[0].TargetObject.ResolvedClientInvoiceId | Should -Not -BeNullOrEmpty
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'completion offers crypto only for the price currency, and fiat for -Fiat' {
        $line = 'New-XRocketInvoice -Currency '
        $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $offered | Should -Contain 'TONCOIN'
        $offered | Should -Not -Contain 'USD'
        $line = 'New-XRocketInvoice -Currency TONCOIN -FiatAmount 5 -Fiat '
        $fiat = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $fiat | Should -Contain 'EUR'
        $fiat | Should -Not -Contain 'TONCOIN'
    }

    It 'prices in <Fiat> at a fresh rate, rounded up to the asset precision' -ForEach @(
        @{ Fiat = 'USD'; Asset = 'TONCOIN'; Decimals = 9 }
        @{ Fiat = 'EUR'; Asset = 'TONCOIN'; Decimals = 9 }
        @{ Fiat = 'EUR'; Asset = 'USDT'; Decimals = 6 }
    ) {
        $invoice = New-XRocketInvoice -Currency $Asset -FiatAmount 500 -Fiat $Fiat
        $rate = (Get-XRocketRate -Asset $Asset -Base $Fiat).Value
        $unit = [decimal]1
        1..$Decimals | ForEach-Object { $unit = $unit / 10 }
        $invoice.Fiat | Should -Be $Fiat
        $invoice.FiatAmount | Should -Be 500
        $invoice.Rate | Should -Be $rate
        $invoice.PriceAmount * $rate | Should -BeGreaterOrEqual 500
        ($invoice.PriceAmount - $unit) * $rate | Should -BeLessThan 500
        @(Get-SandboxRequest | Where-Object path -EQ '/api/v1/rates').Count | Should -Be 2
    }

    It '-WhatIf shows the rate and both amounts and sends nothing' {
        Clear-SandboxRequest
        $transcript = Join-Path $TestDrive 'fiat-whatif.txt'
        $null = Start-Transcript -Path $transcript
        try {
            New-XRocketInvoice -Currency TONCOIN -FiatAmount 52 -Fiat USD -WhatIf
        }
        finally {
            $null = Stop-Transcript
        }

        (Get-Content -LiteralPath $transcript -Raw) | Should -BeLike '*invoice for 10 TONCOIN (52 USD at 5.2 USD per TONCOIN*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It '-CallbackPayload goes to the sandbox and comes back in the webhook as a navigable object' {
        $sink = $script:SandboxAdmin.WebhookSink
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2 -CallbackUrl $sink -CallbackPayload @{ orderId = 'A-17'; lines = @(@{ sku = 'x'; qty = 2 }) }
        $sent = (Get-SandboxRequest | Where-Object path -EQ '/api/v1/invoices')[-1].body | ConvertFrom-Json
        $sent.callback.payload.orderId | Should -Be 'A-17'
        $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
        # The sandbox posts the webhook on its own thread: wait for it, however busy the machine is.
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        do {
            Start-Sleep -Milliseconds 50
            $items = @($script:SandboxAdmin.ReceivedWebhooks())
        } until ($items.Count -or [DateTime]::UtcNow -gt $deadline)
        $items.Count | Should -BeGreaterThan 0 -Because 'the sandbox posts a webhook when the invoice is paid'
        $delivery = $items[0]

        $received = ConvertFrom-XRocketWebhook -Body $delivery.body
        $received.CallbackPayload.orderId | Should -Be 'A-17'
        $received.CallbackPayload.lines[0].qty | Should -Be 2
    }

    It '-CallbackPayload over 4 KB or not an object is refused with nothing sent' {
        Clear-SandboxRequest
        New-XRocketInvoice -Currency TONCOIN -Amount 1 -CallbackPayload @{ note = 'x' * 4100 } -ErrorVariable big -ErrorAction SilentlyContinue
        New-XRocketCheque -Asset USDT -Amount 1 -CallbackPayload 'order-1' -ErrorVariable text -ErrorAction SilentlyContinue
        $big[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $big[0].Exception.Message | Should -BeLike '*4096*'
        $text[0].Exception.Message | Should -BeLike '*JSON object*'
        $rows = @([pscustomobject]@{ TelegramUserId = 87209766; Asset = 'USDT'; Amount = '1'; CallbackPayload = '"order-2"' })
        $rows | New-XRocketTransfer -Confirm:$false -ErrorVariable row -ErrorAction SilentlyContinue
        $row[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $row[0].ToString() | Should -BeLike "Row 1 (TelegramUserId 87209766, client id $($row[0].TargetObject.ClientTransferId)): -CallbackPayload*"
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It '-CallbackPayload is sent by cheques, withdrawals and transfer rows (a column of JSON text binds)' {
        $null = New-XRocketCheque -Asset USDT -Amount 1 -CallbackPayload @{ kind = 'cheque' } -Confirm:$false
        $null = Invoke-XRocketWithdrawal -Network TON -Address $script:TonAddress -Asset TONCOIN -Amount 1 -CallbackPayload ([pscustomobject]@{ kind = 'withdrawal' }) -Confirm:$false
        $null = [pscustomobject]@{ TelegramUserId = 87209764; Asset = 'USDT'; Amount = '1'; CallbackPayload = '{"kind":"row","n":1}' } | New-XRocketTransfer -Confirm:$false
        $null = [pscustomobject]@{ TelegramUserId = 87209765; Asset = 'USDT'; Amount = '1'; CallbackPayload = '{"kind":"mass"}' } | New-XRocketMassTransfer -Confirm:$false
        # Each payload as the wire carries it: the JSON object under "callback" of a body, or of a mass body's row.
        $bodies = @(Get-SandboxRequest | Where-Object method -EQ 'POST' | ForEach-Object { $_.body })
        foreach ($payload in '{"kind":"cheque"}', '{"kind":"withdrawal"}', '{"kind":"row","n":1}', '{"kind":"mass"}') {
            @($bodies | Where-Object { ($_ -replace '\s', '').Contains('"payload":' + $payload) }).Count | Should -Be 1 -Because "one request carries $payload"
        }
    }
}

Describe 'Invoices follow the evidence on expiry, pay currencies and partial payments (issues 29, 30)' {
    BeforeEach {
        Clear-SandboxState
        Connect-TestSandbox
    }

    It 'without -ExpiresInSec the -WhatIf text says the server''s default, and the invoice expires after 1 hour' {
        $transcript = Join-Path $TestDrive 'expiry-whatif.txt'
        $null = Start-Transcript -Path $transcript
        try {
            New-XRocketInvoice -Currency USDT -Amount 5 -WhatIf
            New-XRocketInvoice -Currency USDT -Amount 5 -NeverExpires -WhatIf
            New-XRocketInvoice -Currency USDT -Amount 5 -ExpiresInSec 1800 -WhatIf
        }
        finally {
            $null = Stop-Transcript
        }

        $text = Get-Content -LiteralPath $transcript -Raw
        $text | Should -BeLike "*for 5 USDT that expires after the server's default (1 hour per the API's spec)*"
        $text | Should -BeLike '*for 5 USDT that never expires*'
        $text | Should -BeLike '*for 5 USDT that expires after 30 minutes*'
        $invoice = New-XRocketInvoice -Currency USDT -Amount 5
        ($invoice.ExpiresAt - $invoice.CreatedAt).TotalSeconds | Should -Be 3600
    }

    It '-NeverExpires makes an invoice without expiresAt, with no warning; with -ExpiresInSec it is refused' {
        $invoice = New-XRocketInvoice -Currency USDT -Amount 5 -NeverExpires -WarningVariable warned
        $warned | Should -BeNullOrEmpty
        $invoice.ExpiresAt | Should -BeNullOrEmpty
        (Get-SandboxRequest | Where-Object method -EQ 'POST')[0].body | Should -BeLike '*"expiresIn":0*'

        Clear-SandboxRequest
        New-XRocketInvoice -Currency USDT -Amount 5 -NeverExpires -ExpiresInSec 60 -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
    }

    It 'a reused -ClientInvoiceId with a different description is a conflict naming it, not the old invoice with a warning' {
        $first = New-XRocketInvoice -Currency USDT -Amount 5 -Description 'old text' -ClientInvoiceId 'order-7'
        $again = New-XRocketInvoice -Currency USDT -Amount 5 -Description 'new text' -ClientInvoiceId 'order-7' -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned
        $again | Should -BeNullOrEmpty
        $warned | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ClientIdConflict,*'
        $failed[0].Exception.Message | Should -BeLike "*order-7*different description*"
        $other = New-XRocketInvoice -Currency USDT -Amount 6 -NumPayments 2 -ClientInvoiceId 'order-7' -Description 'old text' -ErrorVariable failed2 -ErrorAction SilentlyContinue
        $other | Should -BeNullOrEmpty
        # numPayments is compared where the answer shows it (the evidence shape leaves it out).
        $failed2[0].Exception.Message | Should -BeLike '*different priceAmount*'
        # The same data again is the same invoice (a safe re-run).
        (New-XRocketInvoice -Currency USDT -Amount 5 -Description 'old text' -ClientInvoiceId 'order-7' -WarningAction SilentlyContinue).Id | Should -Be $first.Id
    }

    It 'a test payment of 4 on a 10 USDT invoice makes it partially_paid; waiting, then paying the rest, ends paid' {
        $invoice = New-XRocketInvoice -Currency USDT -Amount 10
        ($invoice | Invoke-XRocketInvoicePayment -Amount 4 -Confirm:$false).Status | Should -Be 'partially_paid'
        ($invoice | Wait-XRocketInvoice -Until AnyPayment -TimeoutSec 60).Status | Should -Be 'partially_paid'
        $null = $invoice | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 1 -ErrorVariable open -ErrorAction SilentlyContinue
        $open[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
        $open[0].TargetObject.Status | Should -Be 'partially_paid'
        ($invoice | Invoke-XRocketInvoicePayment -Amount 6 -Confirm:$false).Status | Should -Be 'paid'
        ($invoice | Wait-XRocketInvoice -TimeoutSec 60).Status | Should -Be 'paid'
        @($invoice | Get-XRocketInvoicePayment).PayAmount | Sort-Object | Should -Be @(4, 6)
    }

    It 'a pay currency other than the price currency is refused before anything is sent (the API answers not_implemented)' {
        Clear-SandboxRequest
        New-XRocketInvoice -Currency USDT -Amount 10 -PayCurrency TONCOIN -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*'
        $refused[0].Exception.Message | Should -BeLike '*price currency only*-PayCurrency TONCOIN*'
        Get-StateChangingRequest | Should -BeNullOrEmpty
        (New-XRocketInvoice -Currency USDT -Amount 10 -PayCurrency usdt).PayCurrencies | Should -Be 'USDT'
    }

    It 'Get-XRocketRate without -Base answers in USD' {
        (Get-XRocketRate -Asset TONCOIN).Base | Should -Be 'USD'
        (Invoke-RestMethod -Uri "$script:BaseUri/api/v1/rates?assets=TONCOIN" -Headers @{ Authorization = 'Bearer sandbox-token' })[0].rate |
            Should -Be (Get-XRocketRate -Asset TONCOIN).Value
    }
}

Describe 'Rates say what they mean (issue 22)' {
    It 'the Get-XRocketRate view reads "price of 1 (asset) in (base)"' {
        (Get-XRocketRate -Asset BTC -Base EUR | Out-String -Width 120) | Should -BeLike '*price of 1 BTC in EUR*'
        (Get-XRocketRate -Asset BTC).Meaning | Should -Be 'price of 1 BTC in USD'
    }
}

Describe 'The sandbox command line reads the invoice expiry unit (issue 22)' {
    It 'xrocket-sandbox --invoice-expiry-unit seconds reads expiresIn in seconds' {
        $seconds = Start-XRocketSandbox -ArgumentList @('--invoice-expiry-unit', 'seconds') -Confirm:$false
        try {
            (Get-SandboxAdmin -BaseUri $seconds.BaseUri).Config().invoiceExpiryUnit | Should -Be 'seconds'
        }
        finally {
            Stop-XRocketSandbox -Sandbox $seconds -Confirm:$false
        }
    }
}

Describe 'Wait-XRocketInvoice' {
    BeforeAll {
        # The payer, in a thread of its own: it acts (pays or deletes) 2 s after the wait has read every
        # invoice once (seen in the sandbox's request log), so no start-up time is guessed.
        function Invoke-PayerLater {
            param(
                [Parameter(Mandatory)] [string[]] $InvoiceId,
                [string[]] $ReadAs = $InvoiceId,
                [string] $Method = 'Post',
                [string] $Path = 'api/v1/invoice/pay-test'
            )

            Start-ThreadJob -ArgumentList $script:BaseUri, $InvoiceId, $ReadAs, $Method, $Path -ScriptBlock {
                param($BaseUri, $InvoiceId, $ReadAs, $Method, $Path)
                $deadline = [DateTime]::UtcNow.AddMinutes(5)
                do {
                    if ([DateTime]::UtcNow -gt $deadline) { throw 'The wait never read the invoices.' }
                    Start-Sleep -Milliseconds 100
                    $reads = @((Invoke-RestMethod -Uri "$BaseUri/sandbox/requests").items | Where-Object { $_.method -eq 'GET' } | ForEach-Object { "$($_.query)" })
                } until (@($ReadAs | Where-Object { $name = $_; -not ($reads | Where-Object { $_ -like "*$name*" }) }).Count -eq 0)
                Start-Sleep -Seconds 2
                foreach ($id in $InvoiceId) {
                    $call = @{ Method = $Method; Uri = "$BaseUri/$Path`?invoiceId=$id"; Headers = @{ Authorization = 'Bearer sandbox-token' } }
                    if ($Method -eq 'Post') { $call.ContentType = 'application/json'; $call.Body = '{}' }
                    $null = Invoke-RestMethod @call
                }
            }
        }
    }

    BeforeEach {
        Clear-SandboxState
        # A new connection has a budget of its own: each case's first read is not paced behind the last case's reads.
        Connect-TestSandbox
    }

    It 'returns an invoice paid 2 s after the wait started, paid (by -ClientInvoiceId)' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2 -ClientInvoiceId 'wait-1'
        $payer = Invoke-PayerLater -InvoiceId $invoice.Id -ReadAs 'clientInvoiceId=wait-1'
        $paid = Wait-XRocketInvoice -ClientInvoiceId 'wait-1' -PollIntervalSec 1 -TimeoutSec 300 -ErrorVariable failed
        $payer | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $failed | Should -BeNullOrEmpty
        $paid.InvoiceId | Should -Be $invoice.Id
        $paid.Status | Should -Be 'paid'
    }

    It 'waits for several piped invoices together and returns each paid' {
        $invoices = 1..3 | ForEach-Object { New-XRocketInvoice -Currency USDT -Amount $_ }
        Clear-SandboxRequest
        $payer = Invoke-PayerLater -InvoiceId $invoices.Id
        $paid = @($invoices | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 300)
        $payer | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        @($paid | Sort-Object InvoiceId).InvoiceId | Should -Be @($invoices | Sort-Object InvoiceId).InvoiceId
        $paid.Status | Should -Be @('paid', 'paid', 'paid')
        # One list request reads all three in each poll (issue 29 item 4), never one request per invoice.
        $reads = @(Get-SandboxRequest | Where-Object method -EQ 'GET')
        @($reads | Where-Object path -NE '/api/v1/invoices') | Should -BeNullOrEmpty
        $first = [uri]::UnescapeDataString($reads[0].query)
        @($invoices.Id | Where-Object { $first -like "*$_*" }).Count | Should -Be 3
    }

    It 'writes WaitTimeout with the invoice as TargetObject when it is still open at the timeout' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2
        # An interval far longer than the timeout: the wait still ends at the timeout, not after the interval.
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $result = $invoice | Wait-XRocketInvoice -PollIntervalSec 3600 -TimeoutSec 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 1800 -Because 'the last pause ends at the timeout (half the injected interval is generous)'
        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
        $failed[0].TargetObject.InvoiceId | Should -Be $invoice.Id
        $failed[0].TargetObject.Status | Should -Be 'active'
    }

    It 'returns an expired invoice as last read and writes InvoiceNotPaid about it' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2
        $script:SandboxAdmin.ExpireInvoice($invoice.Id)
        $result = $invoice | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 300 -ErrorVariable failed -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'expired'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvoiceNotPaid,*'
        $failed[0].Exception.Message | Should -BeLike '*expired*not paid*'
        $failed[0].TargetObject.InvoiceId | Should -Be $invoice.Id
    }

    It 'returns an invoice deleted while waited for as last read, with InvoiceNotPaid' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2
        $deleter = Invoke-PayerLater -InvoiceId $invoice.Id -Method Delete -Path 'api/v1/invoice'
        $result = $invoice | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 300 -ErrorVariable failed -ErrorAction SilentlyContinue
        $deleter | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $result.InvoiceId | Should -Be $invoice.Id
        $result.Status | Should -Be 'active'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvoiceNotPaid,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject.InvoiceId | Should -Be $invoice.Id
    }

    It 'an invoice deleted before the wait is InvoiceNotPaid (ObjectNotFound) with the id as TargetObject, as the help says' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2
        $invoice | Remove-XRocketInvoice -Confirm:$false
        $result = $invoice | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 300 -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvoiceNotPaid,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be $invoice.Id
        $failed[0].Exception.Message | Should -BeLike "*$($invoice.Id)*not found*not paid*"
    }

    It '10 invoices at --rate-limit 20: one list request per poll, under the budget, no 429, every paid one returned' {
        Set-SandboxConfig @{ rateLimitPerMinute = 20 }
        $invoices = 1..10 | ForEach-Object { New-XRocketInvoice -Currency USDT -Amount $_ }
        $null = $invoices | Select-Object -First 5 | Invoke-XRocketInvoicePayment -Confirm:$false
        Clear-SandboxRequest
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $paid = @($invoices | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 8 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $seconds = $clock.Elapsed.TotalSeconds
        @($paid.InvoiceId | Sort-Object) | Should -Be @($invoices[0..4].InvoiceId | Sort-Object)
        @($failed | Where-Object FullyQualifiedErrorId -NotLike 'WaitTimeout,*') | Should -BeNullOrEmpty -Because 'a 429 never reaches the user'
        $failed.Count | Should -Be 5
        $requests = @(Get-SandboxRequest)
        @($requests | Where-Object status -EQ 429) | Should -BeNullOrEmpty
        @($requests | Where-Object path -NE '/api/v1/invoices') | Should -BeNullOrEmpty -Because 'no per-invoice reads'
        # The budget is 20 a minute less 10% (18): at most one read per 60/18 s on the route, the first at once.
        $requests.Count | Should -BeLessOrEqual ([math]::Floor($seconds / (60 / 18)) + 1)
        $requests.Count | Should -BeGreaterOrEqual 2
    }

    It 'a 429 without Retry-After only slows the wait: the paid invoice is still returned' {
        # A connection throttle of its own is the wait's budget, so this test is not paced at 18 a minute.
        Connect-XRocket -BaseUri $script:BaseUri -ApiKey ([System.Net.NetworkCredential]::new('', 'sandbox-token').SecurePassword) -RequestsPerSecond 20
        try {
            $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2
            $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
            # Four 429s: every attempt of the first poll (the client's retries included) is refused.
            Add-SandboxFault @{ method = 'GET'; path = '/api/v1/invoices'; mode = 'status'; status = 429; count = 4 }
            Clear-SandboxRequest
            $result = $invoice | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 300 -ErrorVariable failed
            $failed | Should -BeNullOrEmpty
            $result.Status | Should -Be 'paid'
            @(Get-SandboxRequest | Where-Object status -EQ 429).Count | Should -Be 4
        }
        finally {
            Connect-TestSandbox
        }
    }

    It '-Until AnyPayment reads no payments of a single-payment invoice, and any payment reads within the budget' {
        $invoices = 1..3 | ForEach-Object { New-XRocketInvoice -Currency USDT -Amount $_ }
        Clear-SandboxRequest
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $null = $invoices | Wait-XRocketInvoice -Until AnyPayment -PollIntervalSec 1 -TimeoutSec 2 -ErrorAction SilentlyContinue
        $seconds = $clock.Elapsed.TotalSeconds
        $paymentReads = @(Get-SandboxRequest | Where-Object path -NE '/api/v1/invoices')
        if ($null -ne $invoices[0].NumPayments) {
            $paymentReads | Should -BeNullOrEmpty -Because 'a single-payment invoice still active has no payment'
        }

        # An answer without numPayments (the evidence shape) may be a multi-payment invoice: its payments are
        # read, paced with the rest (at most 18 a minute on each route).
        foreach ($route in @(Get-SandboxRequest | Group-Object path)) {
            $route.Count | Should -BeLessOrEqual ([math]::Floor($seconds / (60 / 18)) + 1) -Because $route.Name
        }
    }

    It 'a multi-payment invoice: -Until AnyPayment ends at its first payment, -Until Paid at its last' {
        $invoice = New-XRocketInvoice -Currency TONCOIN -Amount 1 -NumPayments 2
        $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
        $first = $invoice | Wait-XRocketInvoice -Until AnyPayment -PollIntervalSec 1 -TimeoutSec 300
        $first.Status | Should -Be 'active'
        $null = $invoice | Wait-XRocketInvoice -Until Paid -PollIntervalSec 1 -TimeoutSec 1 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
        $null = $invoice | Invoke-XRocketInvoicePayment -Confirm:$false
        ($invoice | Wait-XRocketInvoice -PollIntervalSec 1 -TimeoutSec 300).Status | Should -Be 'paid'
    }
}
