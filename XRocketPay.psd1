@{
    # The root module (XRocketPay.PowerShell.dll) is added where the build stages this file beside it
    # (src/XRocketPay.PowerShell/XRocketPay.PowerShell.csproj, StageModule): named here, beside no assembly,
    # it would make this file fail Test-ModuleManifest.
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '6f0d3c2e-8a51-4b7e-9d3f-2c41a7e5b910'
    Author                 = 'XRocketPay contributors'
    CompanyName            = 'XRocketPay'
    Copyright              = '(c) 2026 XRocketPay contributors. MIT License.'
    Description            = 'Cmdlets for the xRocket Pay API (crypto payments in Telegram): cheques, transfers, mass transfers, invoices, withdrawals, currencies, rates and balances, with -WhatIf safe payouts and re-runnable batches.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('XRocketPay.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-XRocket'
        'Disconnect-XRocket'
        'Get-XRocketConnection'
        'Get-XRocketApp'
        'Get-XRocketBalance'
        'Get-XRocketCurrency'
        'Get-XRocketRate'
        'New-XRocketCheque'
        'Get-XRocketCheque'
        'Set-XRocketCheque'
        'Remove-XRocketCheque'
        'New-XRocketTransfer'
        'Get-XRocketJournal'
        'Get-XRocketTransfer'
        'New-XRocketMassTransfer'
        'New-XRocketInvoice'
        'Get-XRocketInvoice'
        'Remove-XRocketInvoice'
        'Get-XRocketInvoicePayment'
        'New-XRocketInvoicePaymentAddress'
        'Invoke-XRocketInvoicePayment'
        'Wait-XRocketInvoice'
        'Invoke-XRocketWithdrawal'
        'Get-XRocketWithdrawal'
        'Wait-XRocketWithdrawal'
        'New-XRocketWithdrawalLink'
        'Get-XRocketWithdrawalQuota'
        'Test-XRocketWebhookSignature'
        'ConvertFrom-XRocketWebhook'
        'Receive-XRocketWebhook'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('xRocket', 'Telegram', 'Crypto', 'Payments', 'TON', 'Payouts', 'API', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/xrocketpay/XRocketPay'
            LicenseUri   = 'https://github.com/xrocketpay/XRocketPay/blob/main/LICENSE'
            ReleaseNotes = 'See CHANGELOG.md. 0.1.0: first release covering the whole xRocket Pay v1 API, with a local sandbox.'
        }
    }
}
