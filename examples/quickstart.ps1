<#
.SYNOPSIS
A tour of XRocketPay against a local sandbox: balances, an invoice paid with the test-only call,
a transfer, and a cheque created and removed.

.DESCRIPTION
Uses only the module and PowerShell's own cmdlets. It needs a running sandbox: start one with
dotnet run --project src/XRocketPay.Sandbox -- --urls http://127.0.0.1:5080 and pass its address,
or run ./build.ps1 -Task Demo, which starts one on a free port and runs this script against it.
Imports the installed XRocketPay module, or the one built in out/XRocketPay when none is installed.

.EXAMPLE
./examples/quickstart.ps1 -BaseUri http://127.0.0.1:5080
#>
[CmdletBinding()]
param(
    # The sandbox's address, as it printed it ("XRocketPay sandbox listening on ...").
    [Parameter(Mandatory)]
    [uri] $BaseUri
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module -Name XRocketPay)) {
    if (Get-Module -ListAvailable -Name XRocketPay) {
        Import-Module XRocketPay
    }
    else {
        Import-Module ([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'XRocketPay', 'XRocketPay.psd1'))
    }
}

# -Environment Sandbox uses the sandbox's default token when none is given.
Connect-XRocket -Environment Sandbox -BaseUri $BaseUri
Get-XRocketConnection | Out-Host

'Balances:'
Get-XRocketBalance | Out-Host

'An invoice, paid with the test-only payment (refused on Production):'
$invoice = New-XRocketInvoice -Currency TONCOIN -Amount 2.5 -Description 'Quickstart order'
Invoke-XRocketInvoicePayment -InvoiceId $invoice.Id -Confirm:$false | Out-Host

'A transfer. Transfers are irreversible: scripts say -Confirm:$false on purpose.'
New-XRocketTransfer -TelegramUserId 87209764 -Amount 1.23 -Asset TONCOIN -Description 'You are awesome!' -Confirm:$false | Out-Host

'A cheque, created and removed (its held amount returns to the balance):'
$cheque = New-XRocketCheque -Asset USDT -Amount 5 -Description 'Quickstart cheque' -Confirm:$false
"Cheque $($cheque.ChequeId) created; the link to send: $($cheque.Link)"
$cheque | Remove-XRocketCheque -Confirm:$false
'Read back after removing it (its status says deleted):'
Get-XRocketCheque -Id $cheque.ChequeId | Out-Host

'Balances afterwards:'
Get-XRocketBalance -Asset TONCOIN, USDT | Out-Host
