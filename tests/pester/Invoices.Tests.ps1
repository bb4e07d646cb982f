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

Describe 'Wait-XRocketInvoice' {
    BeforeAll {
        # The payer, in a thread of its own: it acts (pays or deletes) 2 s after the wait has read every
        # invoice once (seen in the sandbox's request log), so no start-up time is guessed.
        function Invoke-PayerLater {
            param(
                [Parameter(Mandatory)] [string[]] $InvoiceId,
                [string[]] $ReadAs = @($InvoiceId | ForEach-Object { "invoiceId=$_" }),
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
        $firstPolls = @(Get-SandboxRequest | Where-Object method -EQ 'GET' | Select-Object -First 3)
        @($invoices.Id | Where-Object { $id = $_; $firstPolls | Where-Object query -Like "*=$id*" }).Count | Should -Be 3
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
        $null = Invoke-SandboxAdmin -Path "invoices/expire?invoiceId=$($invoice.Id)" -Method Post
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
