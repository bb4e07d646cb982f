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
