<#
.SYNOPSIS
A sale, end to end: create an invoice, show its link, wait until it is paid, re-read it, deliver.

.DESCRIPTION
Creates an invoice for one order and prints the link to send to the payer. Then it waits for the payment:
with -ListenPrefix it listens for the signed webhook (Receive-XRocketWebhook), otherwise it polls
(Wait-XRocketInvoice). Either way it re-reads the invoice before it delivers, because the invoice read
from the API is the truth (a webhook copy may be partial). Exits 0 when the order was delivered (now or
before), 1 when the invoice ended unpaid or nothing came in time.

Safe to re-run for the same -OrderId: an order already delivered (recorded in -DeliveredFile) is not
delivered again; the same order finds the same invoice (its client id), and an invoice already paid is
delivered at once, without waiting for a webhook that already came. A re-run with another amount or
currency for the same order is refused (a ClientIdConflict naming the difference), never a second invoice.

Against the sandbox (-BaseUri), the payer is you: pay the invoice from another shell with
Invoke-XRocketInvoicePayment -InvoiceId <id> -Confirm:$false. The sandbox posts its signed webhooks to
loopback callback URLs, with the secret 'sandbox-webhook-secret' (used when -WebhookSecret is not given).
In production, connect first (Connect-XRocket), listen on loopback behind a reverse proxy that terminates
TLS, and give its public https address as -CallbackUrl (see Get-Help Receive-XRocketWebhook).

.EXAMPLE
./examples/sell-with-invoice.ps1 -BaseUri http://127.0.0.1:5080

Polls until the invoice is paid.

.EXAMPLE
./examples/sell-with-invoice.ps1 -BaseUri http://127.0.0.1:5080 -ListenPrefix http://127.0.0.1:8085/shop/

Waits for the sandbox's signed webhook on a loopback listener.
#>
[CmdletBinding()]
param(
    # The sandbox's address; without it the script uses the connection you made with Connect-XRocket.
    [uri] $BaseUri,

    # Your order id: the invoice's client id (a re-run for the same order finds the same invoice).
    [string] $OrderId = "order-$([guid]::NewGuid().ToString('N').Substring(0, 12))",

    [string] $Currency = 'TONCOIN',

    [decimal] $Amount = 2.5,

    # Listen for the webhook on this HttpListener prefix instead of polling.
    [string] $ListenPrefix,

    # The callback URL xRocket posts to (your reverse proxy's https address); default: -ListenPrefix.
    [string] $CallbackUrl,

    # Your app's Webhook Token; the sandbox's when -BaseUri is given and this is not.
    [securestring] $WebhookSecret,

    # How long to wait for the payment, in seconds.
    [int] $TimeoutSec = 900,

    # Your record of delivered orders (one order id a line); a shop would use its order database.
    [string] $DeliveredFile = (Join-Path (Get-Location) 'delivered-orders.txt')
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

# 0. An order already delivered is never delivered again (nothing is sent).
if ((Test-Path -LiteralPath $DeliveredFile) -and (Get-Content -LiteralPath $DeliveredFile) -contains $OrderId) {
    "Order $OrderId was already delivered (see $DeliveredFile): nothing to do."
    exit 0
}

if ($BaseUri) {
    Connect-XRocket -Environment Sandbox -BaseUri $BaseUri
    if (-not $WebhookSecret) {
        $WebhookSecret = [System.Net.NetworkCredential]::new('', 'sandbox-webhook-secret').SecurePassword
    }
}

# 1. The invoice, with the order id on it (its client id, its callback payload, which every webhook about
#    it carries back, and its description for the payer to see) and, when listening, the callback URL.
$order = @{
    Currency        = $Currency
    Amount          = $Amount
    ClientInvoiceId = $OrderId
    CallbackPayload = @{ orderId = $OrderId }
    Description     = "Order $OrderId"
}
if ($ListenPrefix) {
    $order.CallbackUrl = if ($CallbackUrl) { $CallbackUrl } else { $ListenPrefix }
}

# A re-run for the same order returns the invoice it made (with a warning saying so).
$invoice = New-XRocketInvoice @order -WarningAction SilentlyContinue
"Order ${OrderId}: invoice $($invoice.InvoiceId) for $Amount $Currency is $($invoice.Status)."
if ($invoice.Status -eq 'active') {
    "Send the payer this link: $($invoice.Link)"
}

# 2. Wait for the payment: the webhook when listening, else polling. An invoice no longer active (paid
#    already, or expired) has nothing to wait for: its webhook, if any, came before.
try {
    if ($invoice.Status -ne 'active') {
        "Invoice $($invoice.InvoiceId) is already $($invoice.Status): not waiting."
    }
    elseif ($ListenPrefix) {
        if (-not $WebhookSecret) {
            throw 'Listening needs -WebhookSecret (your app''s Webhook Token).'
        }

        "Listening on $ListenPrefix for the webhook (at most $TimeoutSec s) ..."
        # Refused deliveries (forged, replayed) are shown and listening goes on.
        $event = Receive-XRocketWebhook -Prefix $ListenPrefix -Secret $WebhookSecret -TimeoutSec $TimeoutSec -ErrorAction Continue |
            Where-Object { $_.Type -eq 'invoice' -and $_.Invoice.InvoiceId -eq $invoice.InvoiceId -and $_.Invoice.Status -ne 'active' } |
            Select-Object -First 1
        if (-not $event) {
            throw "No webhook about invoice $($invoice.InvoiceId) came within $TimeoutSec s."
        }

        "Webhook $($event.Id) for order $($event.CallbackPayload.orderId): invoice $($event.Invoice.InvoiceId) is $($event.Invoice.Status)."
    }
    else {
        "Waiting for the payment (polling, at most $TimeoutSec s) ..."
        $null = $invoice | Wait-XRocketInvoice -TimeoutSec $TimeoutSec
    }
}
catch {
    Write-Warning "Order ${OrderId} not delivered: $($_.Exception.Message)"
    exit 1
}

# 3. Re-read the invoice: only what the API says now is delivered on.
$paid = Get-XRocketInvoice -Id $invoice.InvoiceId
if ($paid.Status -ne 'paid') {
    Write-Warning "Order ${OrderId} not delivered: invoice $($paid.InvoiceId) is $($paid.Status)."
    exit 1
}

# 4. Deliver (here: say so), then record it, so a re-run does not deliver it again.
$payment = Get-XRocketInvoicePayment -InvoiceId $paid.InvoiceId | Select-Object -First 1
"Delivered order $($paid.ClientInvoiceId): paid $($payment.PayAmount) $($payment.PayCurrency)."
Add-Content -LiteralPath $DeliveredFile -Value $OrderId
exit 0
